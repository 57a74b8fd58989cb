using System.Diagnostics;
using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Integration;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Training;
using Xunit.Abstractions;

namespace Kinerja.IntegrationTests.Integration;

public sealed class WebhookDeliveryTests(FastWebhooksApp host, ITestOutputHelper output) : IClassFixture<FastWebhooksApp>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly KinerjaApp _app = host.App;
    private readonly HttpClient _admin = host.App.As(Roles.HrAdmin);
    private readonly HttpClient _portal = host.App.As(Roles.Portal);

    public async Task InitializeAsync()
    {
        await _admin.EnsureUnit("DISDIK");
        await _admin.EnsureUnit("DINKES");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_receiver_that_fails_at_first_gets_every_event_in_order_signed_and_the_writes_never_waited_for_it()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = n => n <= 3 ? 503 : 200;
        var supervisor = await _admin.Employee("DISDIK");
        var subscription = await _portal.Subscribe(receiver, await _admin.FeedHead());

        var writes = new List<TimeSpan>();
        var nips = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            nips.Add(await Timed(writes, () => _admin.Employee("DISDIK")));
            await Timed(writes, async () => (await _admin.Post(Routes.Employees.Transfers(nips[^1]), Given.TransferBody("DINKES"))).EnsureSuccessStatusCode());
            await Timed(writes, async () => (await _admin.Post(Routes.Employees.SupervisorChanges(nips[^1]), new { supervisorNip = supervisor, effectiveOn = "2025-02-01" })).EnsureSuccessStatusCode());
        }

        var writesDone = DateTimeOffset.UtcNow;
        output.WriteLine($"{writes.Count} writes, slowest {writes.Max().TotalMilliseconds:0} ms, all done {writesDone:HH:mm:ss.fff}");
        var feed = new FeedConsumer(_portal);
        await feed.ReadUntil(items => Mine(items, nips).Count == 9, Patience);
        var expected = Mine(feed.Items, nips);
        var employees = expected.Select(FeedConsumer.EmployeeOf).ToHashSet();
        await Eventually.Holds(() => Delivered(receiver, employees).Count == 9, Patience, () => $"{receiver.Received.Count} requests received");

        var delivered = Delivered(receiver, employees);
        delivered.Select(d => d.EventId).Should().Equal(expected.Select(FeedConsumer.IdOf), "the subscription delivers in feed order");
        foreach (var perEmployee in delivered.GroupBy(d => d.EmployeeId))
        {
            perEmployee.Select(d => d.Position).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }

        receiver.Received.Should().OnlyContain(d => d.SignatureValid);
        receiver.Received.Take(3).Should().OnlyContain(d => d.Answered == 503);
        var redelivered = receiver.Received.GroupBy(d => d.EventId).Where(g => g.Count() > 1).ToList();
        redelivered.Should().NotBeEmpty("a refused delivery comes again with the same event id");
        redelivered.Should().OnlyContain(g => g.Select(d => d.Body).Distinct().Count() == 1);
        var firstSuccess = receiver.Received.First(d => d.Answered == 200).AnsweredAt;
        output.WriteLine($"first acknowledged delivery {firstSuccess:HH:mm:ss.fff}");
        writesDone.Should().BeBefore(firstSuccess, "every write returned while the receiver was still failing");

        var failures = await (await _portal.GetAsync($"{Routes.WebhookSubscriptions.All}/{subscription}/failed-deliveries")).Json();
        failures["items"]!.AsArray().Select(f => f!["statusCode"]!.GetValue<int>()).Should().Equal(503, 503, 503);
        failures["items"]!.AsArray().Select(f => f!["attempt"]!.GetValue<int>()).Should().Equal(3, 2, 1);
        await Eventually.Holds(async () => (await View(subscription))["lag"]!.GetValue<long>() == 0, Patience, () => "lag is not 0");
        var view = await View(subscription);
        view["consecutiveFailures"]!.GetValue<int>().Should().Be(0);
        view["deliveredUpTo"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(FeedConsumer.PositionOf(expected[^1]));

        var url = $"{Routes.WebhookSubscriptions.All}/{subscription}/failed-deliveries";
        var settled = await (await _portal.GetAsync($"{url}?limit=2")).Json();
        settled["items"]!.AsArray().Select(f => (f!["attempt"]!.GetValue<int>(), f["resolved"]!.GetValue<bool>()))
            .Should().Equal([(3, true), (2, true)], "a later attempt delivered the event these attempts failed on");
        var rest = await (await _portal.GetAsync($"{url}?limit=2&cursor={settled["nextCursor"].Str()}")).Json();
        rest["items"]!.AsArray().Select(f => f!["attempt"]!.GetValue<int>()).Should().Equal(1);
        rest["nextCursor"].Should().BeNull();
    }

    [Fact]
    public async Task A_replay_delivers_again_from_a_position_and_the_receiver_drops_what_it_has_by_event_id()
    {
        await using var receiver = await WebhookReceiver.Start();
        var subscription = await _portal.Subscribe(receiver, await _admin.FeedHead());
        var nips = new[] { await _admin.Employee("DISDIK"), await _admin.Employee("DINKES") };
        var feed = new FeedConsumer(_portal);
        await feed.ReadUntil(items => Mine(items, nips).Count == 2, Patience);
        var employees = Mine(feed.Items, nips).Select(FeedConsumer.EmployeeOf).ToHashSet();
        await Eventually.Holds(() => Delivered(receiver, employees).Count == 2, Patience, () => $"{receiver.Received.Count} requests received");
        var firstRound = receiver.Received.Count;

        var from = Delivered(receiver, employees)[0].Position - 1;
        (await _portal.Post($"{Routes.WebhookSubscriptions.All}/{subscription}/replay", new { afterPosition = from })).StatusCode.Should().Be(HttpStatusCode.OK);

        await Eventually.Holds(() => receiver.Received.Skip(firstRound).Count(d => employees.Contains(d.EmployeeId)) == 2, Patience, () => "no replay yet");
        var replayed = receiver.Received.Skip(firstRound).Where(d => employees.Contains(d.EmployeeId)).ToList();
        replayed.Select(d => d.EventId).Should().Equal(Delivered(receiver, employees).Select(d => d.EventId));
        replayed.Select(d => d.Position).Should().BeInAscendingOrder();
        Delivered(receiver, employees).Should().HaveCount(2, "the receiver keeps one of each event id");
    }

    [Fact]
    public async Task A_paused_subscription_receives_nothing_until_it_is_resumed()
    {
        await using var receiver = await WebhookReceiver.Start();
        var head = await _admin.FeedHead();
        var paused = await _portal.Subscribe(receiver, head);
        var active = await _portal.Subscribe(receiver, head);
        (await _portal.Post($"{Routes.WebhookSubscriptions.All}/{paused}/pausing", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var nip = await _admin.Employee("DISDIK");
        await Eventually.Holds(() => receiver.AcceptedFor(active).Any(d => d.Body.Contains(nip)), Patience, () => "the active subscription got nothing");
        receiver.AcceptedFor(paused).Should().BeEmpty();
        (await View(paused))["lag"]!.GetValue<long>().Should().BeGreaterThan(0);

        (await _portal.Post($"{Routes.WebhookSubscriptions.All}/{paused}/resumption", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.Holds(() => receiver.AcceptedFor(paused).Any(d => d.Body.Contains(nip)), Patience, () => "nothing after resumption");
    }

    [Fact]
    public async Task A_cancelled_grant_reaches_the_receiver_after_its_approval_naming_who_cancelled_it()
    {
        await using var receiver = await WebhookReceiver.Start();
        var subscription = await _portal.Subscribe(receiver, await _admin.FeedHead(), [IntegrationEventTypes.GrantApproved, IntegrationEventTypes.GrantCancelled]);
        var nip = await _admin.Employee("DISDIK");
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: await _admin.Partner("Universitas Pattimura")));
        (await _admin.Post(Routes.TrainingGrants.Approval(grant), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var hr = _app.As(Roles.HrAdmin, Given.PnsNip(), "Sari BKPSDM");
        (await hr.Post(Routes.TrainingGrants.Cancellation(grant), new { reason = "Penyelenggara membatalkan kelas" })).StatusCode.Should().Be(HttpStatusCode.OK);

        await Eventually.Holds(() => Of(receiver.AcceptedFor(subscription), grant).Count == 2, Patience, () => $"{receiver.Received.Count} requests received");

        var delivered = Of(receiver.AcceptedFor(subscription), grant);
        delivered.Select(d => d.Type).Should().Equal(IntegrationEventTypes.GrantApproved, IntegrationEventTypes.GrantCancelled);
        delivered.Should().OnlyContain(d => d.SignatureValid);
        var cancelled = System.Text.Json.Nodes.JsonNode.Parse(delivered[1].Body)!;
        cancelled["payload"]!["nip"]!.GetValue<string>().Should().Be(nip);
        cancelled["payload"]!["reason"]!.GetValue<string>().Should().Be("Penyelenggara membatalkan kelas");
        cancelled["actor"]!["role"]!.GetValue<string>().Should().Be(Roles.HrAdmin);
        cancelled["actor"]!["name"]!.GetValue<string>().Should().Be("Sari BKPSDM");
        cancelled["actor"]!["nip"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        cancelled["occurredAt"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$");
    }

    private static List<ReceivedDelivery> Of(IEnumerable<ReceivedDelivery> deliveries, Guid grant) =>
        [.. deliveries.Where(d => d.Body.Contains(grant.ToString()))];

    private static List<System.Text.Json.Nodes.JsonObject> Mine(IEnumerable<System.Text.Json.Nodes.JsonObject> items, IReadOnlyCollection<string> nips) =>
        [.. items.Where(i => nips.Contains(i["payload"]!["nip"]?.GetValue<string>()))];

    private static List<ReceivedDelivery> Delivered(WebhookReceiver receiver, IReadOnlySet<string?> employees) =>
        [.. receiver.Accepted.Where(d => employees.Contains(d.EmployeeId))];

    private async Task<System.Text.Json.Nodes.JsonObject> View(string subscription) =>
        await (await _app.As(Roles.Auditor).GetAsync($"{Routes.WebhookSubscriptions.All}/{subscription}")).Json();

    private static async Task<T> Timed<T>(List<TimeSpan> durations, Func<Task<T>> write)
    {
        var watch = Stopwatch.StartNew();
        var result = await write();
        durations.Add(watch.Elapsed);
        return result;
    }
}
