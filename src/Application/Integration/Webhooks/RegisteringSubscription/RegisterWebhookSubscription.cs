using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Mediator;

namespace Kinerja.Application.Integration.Webhooks.RegisteringSubscription;

/// <param name="StartAfter">Deliver the events after this feed position; 0 (default) delivers the whole feed.</param>
public sealed record RegisterWebhookSubscription(string Url, IReadOnlyList<string> EventTypes, string Secret, long? StartAfter)
    : ICommand<WebhookSubscriptionView>;

public sealed class RegisterWebhookSubscriptionValidator : AbstractValidator<RegisterWebhookSubscription>
{
    public const int MinSecretLength = 16;

    public RegisterWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(2000).Must(IsHttp).WithMessage(new Wording("harus URL http atau https yang absolut tanpa info pengguna", "must be an absolute http or https URL without user info"));
        RuleFor(c => c.EventTypes).NotEmpty().Must(t => t.Distinct().Count() == t.Count).WithMessage(new Wording("tidak boleh mengulang jenis", "must not repeat a type"));
        RuleForEach(c => c.EventTypes).Must(IntegrationEventTypes.All.Contains)
            .WithMessage(Wordings.OneOf(IntegrationEventTypes.All));
        RuleFor(c => c.Secret).NotEmpty().Length(MinSecretLength, 200);
        RuleFor(c => c.StartAfter).GreaterThanOrEqualTo(0);
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0;
}

/// <summary>The address rule apart from the shape rule: it depends on configuration and on what the host resolves to.</summary>
public sealed class RegisterWebhookSubscriptionTargetValidator : AbstractValidator<RegisterWebhookSubscription>
{
    public RegisterWebhookSubscriptionTargetValidator(IWebhookTargets targets) =>
        RuleFor(c => c.Url).CustomAsync(async (url, context, ct) =>
        {
            if (!string.IsNullOrEmpty(url) && await targets.Refusal(url, ct) is { } refusal)
            {
                context.AddFailure(nameof(RegisterWebhookSubscription.Url), refusal);
            }
        });
}

public sealed class RegisterWebhookSubscriptionHandler(
    IWebhookSubscriptions subscriptions, IFeed feed, IWebhookDispatcher dispatcher, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<RegisterWebhookSubscription, WebhookSubscriptionView>
{
    public async ValueTask<WebhookSubscriptionView> Handle(RegisterWebhookSubscription command, CancellationToken ct)
    {
        var startAfter = command.StartAfter ?? 0;
        await feed.EnsureInFeed(startAfter, ct);
        var id = Guid.CreateVersion7();
        await subscriptions.Add(
            new NewWebhookSubscription(id, command.Url, command.EventTypes, command.Secret, startAfter, current.Actor.Name, clock.GetUtcNow()), ct);
        await dispatcher.Dispatch(id, ct);
        return await subscriptions.Existing(id, ct);
    }
}
