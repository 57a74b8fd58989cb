using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Domain.Cycles;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Hosting;

using Kinerja.Domain;

namespace Kinerja.IntegrationTests.Cycles;

/// <summary>A single node that polls its durable inbox often, so a due message runs within a fraction of a second.</summary>
public sealed class SchedulingApp : ClockedApp
{
    protected override void Customize(IWebHostBuilder builder)
    {
        base.Customize(builder);
        builder.UseSetting("Kinerja:Messaging:Solo", "true");
        builder.UseSetting("Kinerja:Messaging:ScheduledPollingSeconds", "0.2");
    }

    /// <summary>Messages waiting in Wolverine's durable inbox for their time to come.</summary>
    public async Task<long> ScheduledMessages()
    {
        await using var session = Store.QuerySession();
        return (await session.QueryAsync<long>(
            $"select count(*) from {Store.Options.DatabaseSchemaName}.wolverine_incoming_envelopes where status = 'Scheduled'")).Single();
    }
}

/// <remarks>Each test scopes its cycles to a unit of its own: cycles of one kind may not meet over the same units and days.</remarks>
public sealed class CycleSchedulingApiTests(SchedulingApp app) : IClassFixture<SchedulingApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private async Task<string[]> OwnUnit() => [await _admin.NewUnit()];

    private Task<Guid> Monthly(DateOnly within, string[] units, bool started)
    {
        var (start, end) = CycleRules.PeriodOf(CycleKind.Monthly, within);
        return started ? _admin.StartedCycle(start, end, units, kind: "Monthly") : _admin.Cycle(start, end, units, kind: "Monthly");
    }

    [Fact]
    public async Task A_started_cycle_whose_period_has_ended_moves_into_evaluation_on_its_own()
    {
        var id = await Monthly(app.Today.AddMonths(-1), await OwnUnit(), started: true);

        var cycle = await _admin.Eventually<CycleDetails>(Routes.Cycles.One(id), c => c.Phase == CyclePhase.Evaluation);
        cycle.Phase.Should().Be(CyclePhase.Evaluation);
        var moved = cycle.History[^1];
        moved.By.Should().Be(new Actor(null, "system:scheduler", Actor.ServiceRole, "system:scheduler"));
        moved.Scheduled.Should().BeTrue();

        // The event's metadata names the system actor, so an auditor tells it apart from a person.
        await using var session = app.Store.QuerySession();
        var began = (await session.Events.FetchStreamAsync(id))[^1];
        began.UserName.Should().Be("system:scheduler");
        began.Headers!["role"].ToString().Should().Be("system");
        began.CausationId.Should().StartWith("BeginDueEvaluation/");
    }

    [Fact]
    public async Task A_cycle_stays_in_progress_until_its_period_ends_by_the_clock_and_then_moves_on_its_own()
    {
        // Two seconds before midnight WIT, on the last day of this month's period.
        var units = await OwnUnit();
        var end = CycleRules.PeriodOf(CycleKind.Monthly, app.Today).End;
        app.Clock.SetUtcNow(new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).AddSeconds(-2));
        var id = await Monthly(app.Today, units, started: true);

        var before = await _admin.Read<CycleDetails>(Routes.Cycles.One(id));
        before.Phase.Should().Be(CyclePhase.InProgress);
        before.EvaluationDueAt.Should().Be(app.Clock.GetUtcNow().AddSeconds(2));

        app.Clock.Advance(TimeSpan.FromSeconds(3));
        var cycle = await _admin.Eventually<CycleDetails>(Routes.Cycles.One(id), c => c.Phase == CyclePhase.Evaluation);
        cycle.Phase.Should().Be(CyclePhase.Evaluation);
        cycle.History[^1].Scheduled.Should().BeTrue();
    }

    [Fact]
    public async Task A_cycle_still_in_planning_is_not_moved_by_the_schedule_and_hr_admin_can_move_a_started_one_by_hand()
    {
        var units = await OwnUnit();
        var planning = await Monthly(app.Today.AddMonths(-1), units, started: false);
        var started = await Monthly(app.Today, units, started: true);

        var moved = await _admin.Post(Routes.Cycles.Evaluation(started), new { });
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        var history = (await moved.Answer<CycleDetails>()).History;
        history.Select(h => h.Phase).Should().Equal(CyclePhase.Planning, CyclePhase.InProgress, CyclePhase.Evaluation);
        history[^1].Scheduled.Should().BeFalse();
        history[^1].By.Should().Be(new Actor(null, "hr-admin-user", Roles.HrAdmin, "hr-admin-user"));

        (await _admin.Read<CycleDetails>(Routes.Cycles.One(planning))).Phase.Should().Be(CyclePhase.Planning);
    }

    [Fact]
    public async Task The_move_is_stored_as_a_durable_scheduled_message_only_with_the_start_that_commits()
    {
        var before = await app.ScheduledMessages();
        var id = await Monthly(app.Today, await OwnUnit(), started: false);

        // Racing starts all decide from Planning and all schedule; only the one whose events commit keeps its message.
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.As(Roles.HrAdmin).Post(Routes.Cycles.Start(id), new { })));
        starts.Should().Contain(r => r.StatusCode == HttpStatusCode.OK);
        (await app.ScheduledMessages()).Should().Be(before + 1);

        // Starting again changes nothing and schedules nothing more.
        (await _admin.Post(Routes.Cycles.Start(id), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.ScheduledMessages()).Should().Be(before + 1);
        var cycle = await _admin.Read<CycleDetails>(Routes.Cycles.One(id));
        cycle.History.Select(h => h.Phase).Should().Equal(CyclePhase.Planning, CyclePhase.InProgress);
    }
}
