using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.FollowUps;
using Mediator;

namespace Kinerja.Application.FollowUps.GrantingAward;

/// <summary>hr-admin records a penghargaan for an award candidate of the cycle (or another final Sangat Baik, with an override reason).</summary>
public sealed record GrantAward(string Nip, Guid CycleId, AwardKind? Kind, string Citation, DateOnly? GrantedOn, string? OverrideReason)
    : ICommand<Written>;

public sealed class GrantAwardValidator : AbstractValidator<GrantAward>
{
    public GrantAwardValidator()
    {
        RuleFor(c => c.CycleId).NotEmpty();
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Citation).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.GrantedOn).NotNull();
        RuleFor(c => c.OverrideReason).MaximumLength(2000);
    }
}

public sealed class GrantAwardHandler(FollowUpStreams followUps, FollowUpSettings settings) : ICommandHandler<GrantAward, Written>
{
    public async ValueTask<Written> Handle(GrantAward command, CancellationToken ct) =>
        await followUps.Decide(command.Nip, command.CycleId, (state, cycle, facts, by, now) =>
            FollowUpDecisions.GrantAward(state, cycle, facts, new NewAward(command.Kind!.Value, command.Citation, command.GrantedOn!.Value, command.OverrideReason),
                settings.AfterClosing(), by, now), ct);
}
