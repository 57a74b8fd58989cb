using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Domain.Cycles;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Kinerja.IntegrationTests.Tenancy;

/// <summary>
/// A service with tenancy on, running, to which an operator adds an instansi with <c>tenants add</c> (docs/decisions/145): no restart.
/// Its clock is the test's, its durable inbox polled often, its webhook back-offs short; Wolverine's durability stays Balanced, as
/// in production.
/// </summary>
public sealed class RunningWithTenancy : ClockedApp, IAsyncLifetime
{
    public string Added { get; } = "kab-" + Guid.NewGuid().ToString("N")[..8];

    protected override void Customize(IWebHostBuilder builder)
    {
        base.Customize(builder);
        builder.UseSetting("Kinerja:Tenancy:Enabled", "true");
        builder.UseSetting("Kinerja:Messaging:ScheduledPollingSeconds", "0.2");
        foreach (var (key, value) in WebhookSettings.Fast)
        {
            builder.UseSetting(key, value);
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await TestDatabase.Execute($"drop database if exists \"kinerja_{Added.Replace('-', '_')}\" with (force)");
    }
}

public sealed class NewInstansiTests(RunningWithTenancy app, ITestOutputHelper output) : IClassFixture<RunningWithTenancy>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_instansi_added_while_the_service_runs_is_served_with_its_feed_webhooks_digest_and_scheduled_moves()
    {
        var id = app.Added;
        await (await app.As("hr-admin", instansi: id).GetAsync(Routes.Units.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-unknown");

        var (added, addOut, addErr) = await ServiceProcess.Run(app.Schema, TwoInstansi.Tenancy, "tenants", "add", id);
        added.Should().Be(0, addOut + addErr);
        // How long each part took to take the instansi up, for docs/measurements.md; printed, never asserted.
        var since = System.Diagnostics.Stopwatch.StartNew();
        void Took(string what) => output.WriteLine($"{what}: {since.Elapsed.TotalSeconds:F1} s after tenants add ({File.ReadAllText("/proc/loadavg").Trim()})");

        // Requests: served at once.
        var admin = app.As("hr-admin", instansi: id);
        var portal = app.As("portal", instansi: id);
        await using var receiver = await WebhookReceiver.Start();
        var subscription = await portal.Subscribe(receiver, await admin.FeedHead());
        var unit = await admin.NewUnit();
        var nip = await admin.Employee(unit);
        Took("unit and employee registered");

        // The async daemon runs for the new database: the feed gets the registration, the webhook delivers it.
        await new FeedConsumer(portal).ReadUntil(items => items.Any(i => i.ToJsonString().Contains(nip, StringComparison.Ordinal)), Patience);
        Took("feed entry");
        await Eventually.Holds(() => receiver.Received.Any(d => d.Subscription == subscription && d.Body.Contains(nip, StringComparison.Ordinal)), Patience,
            () => $"the receiver got {receiver.Received.Count} deliveries");
        Took("webhook delivered");

        // The leader's daily digest takes up the new instansi without waiting for midnight.
        var auditor = app.As("auditor", instansi: id);
        await Eventually.Holds(async () => (await auditor.GetStringAsync(Routes.Audit.Digests)).Contains("daily-", StringComparison.Ordinal),
            Patience, () => $"{id} has no daily digest");
        Took("daily digest");

        // Wolverine polls the new database's durable inbox: a cycle's move into evaluation scheduled there runs when its time comes.
        var end = CycleRules.PeriodOf(CycleKind.Monthly, app.Today).End;
        app.Clock.SetUtcNow(new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).AddSeconds(-2));
        var (start, _) = CycleRules.PeriodOf(CycleKind.Monthly, app.Today);
        var cycle = await admin.StartedCycle(start, end, [unit], kind: "Monthly");
        (await admin.Read<CycleDetails>(Routes.Cycles.One(cycle))).Phase.Should().Be(CyclePhase.InProgress);
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        var moved = await admin.Eventually<CycleDetails>(Routes.Cycles.One(cycle), c => c.Phase == CyclePhase.Evaluation, Patience);
        moved.History[^1].Scheduled.Should().BeTrue();
        Took("scheduled move run");
    }
}
