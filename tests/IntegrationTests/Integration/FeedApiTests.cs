using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Integration;

public sealed class FeedApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public async Task InitializeAsync()
    {
        await _admin.EnsureUnit("DISDIK");
        await _admin.EnsureUnit("DINKES");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_employees_history_appears_in_the_feed_in_order_with_the_NIP_it_had_at_each_event()
    {
        var nip = await _admin.Employee("DISDIK");
        var supervisor = await _admin.Employee("DISDIK");
        var newNip = Given.PnsNip();
        (await _admin.Post(Routes.Employees.Transfers(nip), Given.TransferBody("DINKES"))).EnsureSuccessStatusCode();
        (await _admin.Post(Routes.Employees.SupervisorChanges(nip), new { supervisorNip = supervisor, effectiveOn = "2025-02-01" })).EnsureSuccessStatusCode();
        (await _admin.Post(Routes.Employees.CompetencyAssessments(nip), new
        {
            competencies = new[] { new { code = "TEKNIS.PEMBELAJARAN", level = 3 } }, potential = "Menengah", assessedOn = "2025-03-01", assessedBy = "UPT",
        })).EnsureSuccessStatusCode();
        (await _admin.Post(Routes.Employees.NipCorrections(nip), new { newNip, reason = "Salah ketik pada SK" })).EnsureSuccessStatusCode();
        (await _admin.Post(Routes.Employees.EmploymentEnding(newNip), new { reason = "Retired", effectiveOn = "2026-12-31" })).EnsureSuccessStatusCode();

        var consumer = new FeedConsumer(app.As(Roles.Portal));
        await consumer.ReadUntil(items => Of(items, nip, newNip).Count == 6, Patience);

        var mine = Of(consumer.Items, nip, newNip);
        mine.Select(FeedConsumer.TypeOf).Should().Equal(
            "employee.registered", "employee.transferred", "employee.supervisor-changed", "employee.competency-assessed", "employee.nip-corrected",
            "employee.employment-ended");
        mine.Select(FeedConsumer.PositionOf).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        mine.Select(FeedConsumer.IdOf).Should().OnlyHaveUniqueItems();
        mine.Select(i => i["version"]!.GetValue<int>()).Should().AllBeEquivalentTo(1);
        mine.Select(FeedConsumer.EmployeeOf).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty();
        mine.Select(i => i["payload"]!["nip"]!.GetValue<string>()).Should().Equal(nip, nip, nip, nip, newNip, newNip);
        mine[1]["payload"]!["unitCode"]!.GetValue<string>().Should().Be("DINKES");
        mine[2]["payload"]!["supervisorNip"]!.GetValue<string>().Should().Be(supervisor);
        mine[3]["payload"]!["potential"]!.GetValue<string>().Should().Be("Menengah");
        mine[4]["payload"]!["previousNip"]!.GetValue<string>().Should().Be(nip);
        mine[5]["payload"]!["reason"]!.GetValue<string>().Should().Be("Retired");
        DateTimeOffset.Parse(mine[0]["occurredAt"]!.GetValue<string>()).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_consumer_paging_with_a_small_limit_reads_each_entry_exactly_once_in_position_order()
    {
        var nips = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            nips.Add(await _admin.Employee("DISDIK"));
        }

        var small = new FeedConsumer(app.As(Roles.Auditor), limit: 2);
        await small.ReadUntil(items => nips.All(n => items.Any(i => i["payload"]!["nip"]?.GetValue<string>() == n)), Patience);
        var whole = new FeedConsumer(_admin, limit: 1000);
        await whole.Poll();

        small.Items.Select(FeedConsumer.IdOf).Should().OnlyHaveUniqueItems();
        small.Items.Select(FeedConsumer.PositionOf).Should().BeInAscendingOrder();
        small.Items.Select(FeedConsumer.IdOf).Should().Equal(whole.Items.Take(small.Items.Count).Select(FeedConsumer.IdOf));

        // A consumer at the end of the feed is told to stay where it is.
        var atEnd = await (await _admin.GetAsync($"{Routes.Feed}?after={whole.Position}")).Json();
        atEnd["items"]!.AsArray().Should().BeEmpty();
        atEnd["lastPosition"]!.GetValue<long>().Should().Be(whole.Position);
    }

    [Fact]
    public async Task A_consumer_polling_while_writes_commit_concurrently_misses_and_repeats_nothing()
    {
        var consumer = new FeedConsumer(app.As(Roles.Portal), limit: 5);
        var writing = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _admin.Employee("DISDIK")));
        while (!writing.IsCompleted)
        {
            await consumer.Poll();
        }

        var nips = await writing;
        await consumer.ReadUntil(items => nips.All(n => items.Any(i => i["payload"]!["nip"]?.GetValue<string>() == n)), Patience);
        var whole = new FeedConsumer(_admin, limit: 1000);
        await whole.Poll();

        consumer.Items.Select(FeedConsumer.IdOf).Should().OnlyHaveUniqueItems();
        consumer.Items.Select(FeedConsumer.IdOf).Should().Equal(whole.Items.Take(consumer.Items.Count).Select(FeedConsumer.IdOf),
            "an entry never appears behind one the consumer has already read");
    }

    [Theory]
    [InlineData("limit=1001")]
    [InlineData("limit=0")]
    [InlineData("after=-1")]
    public async Task A_limit_above_the_maximum_or_a_negative_position_is_refused(string query)
    {
        var before = await app.EventCount();

        var problem = await (await _admin.GetAsync($"{Routes.Feed}?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Should().ContainSingle();
        (await app.EventCount()).Should().Be(before);
    }

    [Theory]
    [InlineData(Roles.HrAdmin, HttpStatusCode.OK)]
    [InlineData(Roles.Portal, HttpStatusCode.OK)]
    [InlineData(Roles.Auditor, HttpStatusCode.OK)]
    [InlineData(Roles.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employee, HttpStatusCode.Forbidden)]
    public async Task Only_hr_admin_the_portal_and_auditors_read_the_feed(string role, HttpStatusCode expected)
    {
        var response = await app.As(role, nip: Given.PnsNip()).GetAsync(Routes.Feed);

        response.StatusCode.Should().Be(expected);
        (await app.Anonymous().GetAsync(Routes.Feed)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static List<JsonObject> Of(IEnumerable<JsonObject> items, params string[] nips) =>
        [.. items.Where(i => nips.Contains(i["payload"]!["nip"]?.GetValue<string>()) || nips.Contains(i["payload"]!["previousNip"]?.GetValue<string>()))];
}
