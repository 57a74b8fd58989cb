using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Integration;
using Kinerja.Application.Integration.ReadingFeed;
using Kinerja.Application.Integration.Webhooks;
using Kinerja.Application.Integration.Webhooks.DeletingSubscription;
using Kinerja.Application.Integration.Webhooks.GettingSubscriptions;
using Kinerja.Application.Integration.Webhooks.PausingSubscription;
using Kinerja.Application.Integration.Webhooks.RegisteringSubscription;
using Kinerja.Application.Integration.Webhooks.ReplayingSubscription;
using Kinerja.Application.Integration.Webhooks.ResumingSubscription;
using Mediator;

namespace Kinerja.Api.Integration;

public sealed record WebhookSubscriptionList(IReadOnlyList<WebhookSubscriptionView> Items);

public sealed record ReplayWebhookSubscriptionRequest(long? AfterPosition);

/// <summary>The HR portal's integration: the ordered feed of integration events and webhook subscriptions to it (docs/integration-events.md).</summary>
public static class IntegrationEndpoints
{

    public static void MapIntegration(this RouteGroupBuilder api)
    {
        api.MapGet("/feed", async (long? after, int? limit, IMediator mediator, CancellationToken ct) => await mediator.Send(new ReadFeed(after, limit), ct))
            .RequireAuthorization(AuthSetup.ReadAll)
            .WithTags("Integration")
            .WithSummary($"Integration events after a position, oldest first (limit default {ReadFeed.DefaultLimit}, at most {ReadFeed.MaxLimit}). "
                + "Ask again with after=lastPosition: nothing is missed or repeated, across restarts too.")
            .ProducesProblem(400).ProducesProblem(403);

        var subscriptions = api.MapGroup(Routes.WebhookSubscriptions.Group).WithTags("Integration");
        subscriptions.MapPost("/", async (RegisterWebhookSubscription command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return TypedResults.Created(Routes.WebhookSubscriptions.One(created.Id), created);
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Subscribe a URL (http or https) to event types; deliveries are signed with the secret (HMAC-SHA256).")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        subscriptions.MapGet("/", async (IMediator mediator, CancellationToken ct) => new WebhookSubscriptionList(await mediator.Send(new ListWebhookSubscriptions(), ct)))
            .RequireAuthorization(AuthSetup.ReadAll)
            .WithSummary("Every subscription with its delivery position and lag (matching events not yet acknowledged), oldest first.");

        subscriptions.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new GetWebhookSubscription(id), ct))
            .RequireAuthorization(AuthSetup.ReadAll)
            .WithSummary("One subscription with its delivery position and lag.")
            .ProducesProblem(404);

        subscriptions.MapGet("/{id:guid}/failed-deliveries", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListFailedDeliveries(id, limit, cursor), ct))
            .RequireAuthorization(AuthSetup.ReadAll)
            .WithSummary("Delivery attempts the receiver did not acknowledge, newest first, paged by cursor; `resolved` says a later attempt delivered the event (false: still failing).")
            .ProducesProblem(400).ProducesProblem(404);

        subscriptions.MapPost("/{id:guid}/pausing", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new PauseWebhookSubscription(id), ct))
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Stop delivering; the feed keeps the events for a later resumption.")
            .ProducesProblem(404).ProducesProblem(409);

        subscriptions.MapPost("/{id:guid}/resumption", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new ResumeWebhookSubscription(id), ct))
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Deliver again from where the subscription stopped.")
            .ProducesProblem(404).ProducesProblem(409);

        subscriptions.MapPost("/{id:guid}/replay", async (Guid id, ReplayWebhookSubscriptionRequest body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ReplayWebhookSubscription(id, body.AfterPosition), ct))
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Deliver every matching event after a feed position again, in order; receivers drop the ones they have by event id.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        subscriptions.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteWebhookSubscription(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Remove a subscription and its failure history.")
            .ProducesProblem(404).ProducesProblem(409);
    }
}
