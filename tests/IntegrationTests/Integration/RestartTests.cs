using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace Kinerja.IntegrationTests.Integration;

/// <summary>Two service hosts one after the other on one schema: a stop and a restart in the middle of the stream.</summary>
public sealed class RestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_restart_mid_stream_the_feed_consumer_and_the_webhook_receiver_hold_the_whole_sequence_once()
    {
        var schema = KinerjaApp.NewSchema();
        await using var receiver = await WebhookReceiver.Start();
        receiver.Latency = TimeSpan.FromMilliseconds(100);
        var first = new KinerjaApp { Schema = schema, KeepSchema = true, Settings = WebhookSettings.Fast };
        await first.InitializeAsync();
        var admin = first.As(Roles.HrAdmin);
        await admin.Unit("DISDIK");
        await first.As(Roles.Portal).Subscribe(receiver);
        var consumer = new FeedConsumer(first.As(Roles.Portal), limit: 3);
        await Employees(admin, 5);
        await consumer.ReadUntil(items => items.Count >= 3, Patience);
        await Eventually.Holds(() => receiver.Accepted.Count >= 2, Patience, () => "nothing delivered before the stop");
        var beforeStop = (Feed: consumer.Items.Count, Webhooks: receiver.Accepted.Count);
        await first.DisposeAsync();
        output.WriteLine($"stopped with {beforeStop.Feed} entries read and {beforeStop.Webhooks} deliveries acknowledged of 10");
        beforeStop.Webhooks.Should().BeLessThan(10, "the host stops in the middle of the deliveries");

        var second = new KinerjaApp { Schema = schema, Settings = WebhookSettings.Fast };
        await second.InitializeAsync();
        try
        {
            consumer.Client = second.As(Roles.Portal);
            await Employees(second.As(Roles.HrAdmin), 3);
            await consumer.ReadUntil(items => items.Count >= 17, Patience);
            await Eventually.Holds(() => receiver.Accepted.Count >= 16, Patience, () => $"{receiver.Accepted.Count} deliveries acknowledged");

            var whole = new FeedConsumer(second.As(Roles.Auditor), limit: 1000);
            await whole.Poll();
            var ids = whole.Items.Select(FeedConsumer.IdOf).ToList();
            ids.Should().HaveCount(17, "the unit's registration, then two entries per employee").And.OnlyHaveUniqueItems();
            var subscribed = whole.Items.Where(i => WebhookSettings.RegistryTypes.Contains(FeedConsumer.TypeOf(i))).Select(FeedConsumer.IdOf).ToList();
            subscribed.Should().HaveCount(16);
            whole.Items.Select(FeedConsumer.PositionOf).Should().BeInAscendingOrder();
            consumer.Items.Select(FeedConsumer.IdOf).Should().Equal(ids, "the consumer saw every entry once, across the restart");
            receiver.Accepted.Select(d => d.EventId).Should().Equal(subscribed, "the receiver got every event it subscribed to, in order, across the restart");
            receiver.Received.Should().OnlyContain(d => d.SignatureValid);
            output.WriteLine($"{receiver.Received.Count} requests for {ids.Count} events");
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>Registers and transfers each of <paramref name="count"/> employees: two feed entries apiece.</summary>
    private static async Task Employees(HttpClient admin, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var nip = await admin.Employee("DISDIK");
            (await admin.Post(Routes.Employees.Transfers(nip), Given.TransferBody("DISDIK"))).EnsureSuccessStatusCode();
        }
    }
}
