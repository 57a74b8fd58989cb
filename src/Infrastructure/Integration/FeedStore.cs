using Kinerja.Application.Integration;
using Marten;
using Wolverine;

namespace Kinerja.Infrastructure.Integration;

/// <summary>The integration feed's and the webhooks' part of the Marten and Wolverine configuration.</summary>
internal static class FeedStore
{
    public const string WebhookQueue = "webhooks";

    public static void Configure(StoreOptions opts)
    {
        opts.Schema.For<FeedItem>().Identity(x => x.Position).Duplicate(x => x.Type);
        opts.Schema.For<FeedSubject>();
        opts.Schema.For<FeedStreamSubject>();
        opts.Schema.For<WebhookSubscription>();
        opts.Schema.For<WebhookFailure>().Index(x => x.SubscriptionId);
    }

    public static void Configure(WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(FeedStore).Assembly);
        // Deliveries get a queue of their own: a slow receiver holds up neither other work nor, being asynchronous, any write.
        opts.PublishMessage<DeliverWebhooks>().ToLocalQueue(WebhookQueue);
        opts.LocalQueue(WebhookQueue).MaximumParallelMessages(4);
    }
}
