using Kinerja.Domain;
using Kinerja.Domain.Cycles;

namespace Kinerja.UnitTests.Cycles;

public sealed class CycleDecisionsTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(9));
    private static readonly NewCycle Semester = new(
        "Semester II 2026", CycleKind.Semester, new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), false, ["disdik"],
        new FeedbackWindow(new DateOnly(2026, 7, 1), new DateOnly(2027, 1, 15)));

    public static AppraisalCycle Given(params object[] events) => events.Aggregate((AppraisalCycle?)null, AppraisalCycle.Evolve)!;

    public static object Created(NewCycle? input = null) => CycleDecisions.Create(Id, input ?? Semester, [], null, Acting.As("hr"), Now).Single();

    [Fact]
    public void A_created_cycle_is_in_planning_with_its_unit_codes_normalised()
    {
        var created = (CycleCreated)Created();
        created.UnitCodes.Should().Equal("DISDIK");
        Given(created).Phase.Should().Be(CyclePhase.Planning);
    }

    [Theory]
    [InlineData(CycleKind.Quarterly, "2026-01-01", "2026-06-30", "runs 2026-01-01 to 2026-03-31")]
    [InlineData(CycleKind.Semester, "2026-07-01", "2026-12-30", "runs 2026-07-01 to 2026-12-31")]
    [InlineData(CycleKind.Semester, "2026-04-01", "2026-09-30", "runs 2026-01-01 to 2026-06-30")]
    [InlineData(CycleKind.Annual, "2026-07-01", "2027-06-30", "runs 2026-01-01 to 2026-12-31")]
    [InlineData(CycleKind.Monthly, "2026-02-02", "2026-02-28", "runs 2026-02-01 to 2026-02-28")]
    [InlineData(CycleKind.Annual, "2026-12-31", "2026-01-01", "end on or after")]
    public void A_period_that_does_not_fit_its_kind_is_refused(CycleKind kind, string start, string end, string message)
    {
        var input = Semester with { Kind = kind, PeriodStart = DateOnly.Parse(start), PeriodEnd = DateOnly.Parse(end) };
        var act = () => CycleDecisions.Create(Id, input, [], null, Acting.As("hr"), Now);
        act.Should().Throw<DomainRuleViolation>().Where(e => e.Code == "cycle-period-invalid" && e.Message.Contains(message));
    }

    /// <summary>Pins every cell of <see cref="CycleRules.MonthsPerPeriod"/> (PermenPANRB 6/2022: bulanan, triwulanan, semesteran, tahunan).</summary>
    [Theory]
    [InlineData(CycleKind.Monthly, 1)]
    [InlineData(CycleKind.Quarterly, 3)]
    [InlineData(CycleKind.Semester, 6)]
    [InlineData(CycleKind.Annual, 12)]
    public void Each_kind_has_its_calendar_of_whole_months(CycleKind kind, int months)
    {
        CycleRules.MonthsPerPeriod[kind].Should().Be(months);
        CycleRules.MonthsPerPeriod.Should().HaveCount(Enum.GetValues<CycleKind>().Length);
    }

    [Theory]
    [InlineData(CycleKind.Monthly, "2024-02-10", "2024-02-01", "2024-02-29")]
    [InlineData(CycleKind.Quarterly, "2026-02-15", "2026-01-01", "2026-03-31")]
    [InlineData(CycleKind.Quarterly, "2026-05-31", "2026-04-01", "2026-06-30")]
    [InlineData(CycleKind.Quarterly, "2026-07-01", "2026-07-01", "2026-09-30")]
    [InlineData(CycleKind.Quarterly, "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData(CycleKind.Semester, "2026-06-30", "2026-01-01", "2026-06-30")]
    [InlineData(CycleKind.Semester, "2026-07-01", "2026-07-01", "2026-12-31")]
    [InlineData(CycleKind.Annual, "2026-09-15", "2026-01-01", "2026-12-31")]
    public void The_period_of_a_kind_containing_a_date_follows_the_calendar(CycleKind kind, string date, string start, string end)
    {
        var period = CycleRules.PeriodOf(kind, DateOnly.Parse(date));
        period.Should().Be((DateOnly.Parse(start), DateOnly.Parse(end)));
        var window = new FeedbackWindow(period.Start, period.End);
        CycleRules.PeriodProblem(kind, period.Start, period.End, window).Should().BeNull();
    }

    [Fact]
    public void A_cycle_meeting_another_of_its_kind_is_refused_naming_it()
    {
        var other = Guid.CreateVersion7();
        var act = () => CycleDecisions.Create(Id, Semester, [new OverlappingCycle(other, "Semester II 2026 Kota")], null, Acting.As("hr"), Now);
        act.Should().Throw<DomainRuleViolation>()
            .Where(e => e.Code == "cycle-overlaps" && e.Message.Contains("Semester II 2026 Kota") && Equals(e.Extensions["cycleId"], other));
    }

    [Fact]
    public void A_periodic_cycle_links_to_the_annual_cycle_whose_year_and_scope_contain_it()
    {
        var annual = Given(Created(Semester with { Name = "Tahunan 2026", Kind = CycleKind.Annual, PeriodStart = new(2026, 1, 1) }));
        var created = (CycleCreated)CycleDecisions.Create(Guid.CreateVersion7(), Semester, [], (annual, true), Acting.As("hr"), Now).Single();
        created.AnnualCycleId.Should().Be(annual.Id);
        Given(created).AnnualCycleId.Should().Be(annual.Id);
    }

    [Theory]
    [InlineData(CycleKind.Semester, "2025-01-01", "2025-12-31", true, "must be an annual cycle")]
    [InlineData(CycleKind.Annual, "2025-01-01", "2025-12-31", true, "year must contain the period")]
    [InlineData(CycleKind.Annual, "2026-01-01", "2026-12-31", false, "scope must cover")]
    public void A_link_to_a_cycle_that_is_not_the_containing_annual_one_is_refused(CycleKind kind, string start, string end, bool covers, string message)
    {
        var linked = new AppraisalCycle(Guid.CreateVersion7(), kind, DateOnly.Parse(start), DateOnly.Parse(end), true, [],
            new FeedbackWindow(DateOnly.Parse(start), DateOnly.Parse(end)), CyclePhase.Planning);
        var act = () => CycleDecisions.Create(Id, Semester, [], (linked, covers), Acting.As("hr"), Now);
        act.Should().Throw<DomainRuleViolation>().Where(e => e.Code == "annual-cycle-mismatch" && e.Message.Contains(message));
    }

    [Fact]
    public void An_annual_cycle_is_linked_to_no_other_annual_cycle()
    {
        var annual = Given(Created(Semester with { Kind = CycleKind.Annual, PeriodStart = new(2026, 1, 1) }));
        var act = () => CycleDecisions.Create(Id, Semester with { Kind = CycleKind.Annual, PeriodStart = new(2026, 1, 1) }, [], (annual, true), Acting.As("hr"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("annual-cycle-mismatch");
    }

    [Fact]
    public void A_feedback_window_opening_outside_the_period_is_refused()
    {
        var input = Semester with { FeedbackWindow = new FeedbackWindow(new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31)) };
        var act = () => CycleDecisions.Create(Id, input, [], null, Acting.As("hr"), Now);
        act.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-period-invalid");
    }

    [Fact]
    public void Phases_move_forward_one_step_at_a_time_and_each_step_names_who()
    {
        var cycle = Given(Created());
        var started = CycleDecisions.Start(cycle, Acting.As("budi"), Now).Should().ContainSingle().Which.Should().BeOfType<CycleStarted>().Subject;
        started.By.Should().Be(Acting.As("budi"));
        cycle = Given(Created(), started);

        var close = () => CycleDecisions.Close(cycle, 0, Acting.As("budi"), Now);
        close.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-phase");

        var began = CycleDecisions.BeginEvaluation(cycle, Acting.As("budi"), Now).Single();
        ((CycleEvaluationBegan)began).Scheduled.Should().BeFalse();
        var closed = CycleDecisions.Close(Given(Created(), started, began), 0, Acting.As("budi"), Now).Single();
        Given(Created(), started, began, closed).Phase.Should().Be(CyclePhase.Closed);
    }

    [Fact]
    public void Repeating_a_phase_change_that_already_happened_changes_nothing()
    {
        var started = new CycleStarted(Id, Acting.As("hr"), Now);
        CycleDecisions.Start(Given(Created(), started), Acting.As("hr"), Now).Should().BeEmpty();
        var began = new CycleEvaluationBegan(Id, Acting.As("hr"), false, Now);
        CycleDecisions.BeginEvaluation(Given(Created(), started, began), Acting.As("hr"), Now).Should().BeEmpty();
        CycleDecisions.Close(Given(Created(), started, began, new CycleClosed(Id, Acting.As("hr"), Now)), 0, Acting.As("hr"), Now).Should().BeEmpty();
    }

    [Fact]
    public void The_scheduled_move_happens_only_for_a_cycle_in_progress_whose_period_has_ended()
    {
        var inProgress = Given(Created(), new CycleStarted(Id, Acting.As("hr"), Now));
        CycleDecisions.BeginDueEvaluation(inProgress, Acting.As("system:scheduler"), new DateOnly(2026, 12, 31), Now).Should().BeEmpty();
        var moved = CycleDecisions.BeginDueEvaluation(inProgress, Acting.As("system:scheduler"), new DateOnly(2027, 1, 1), Now).Single();
        moved.Should().BeEquivalentTo(new { By = Acting.As("system:scheduler"), Scheduled = true });

        CycleDecisions.BeginDueEvaluation(Given(Created()), Acting.As("system:scheduler"), new DateOnly(2027, 1, 1), Now).Should().BeEmpty();
    }

    [Fact]
    public void A_closed_cycle_refuses_every_change_with_cycle_closed()
    {
        var closed = Given(Created(), new CycleStarted(Id, Acting.As("hr"), Now), new CycleEvaluationBegan(Id, Acting.As("hr"), false, Now), new CycleClosed(Id, Acting.As("hr"), Now));
        var start = () => CycleDecisions.Start(closed, Acting.As("hr"), Now);
        start.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
        var write = () => CycleDecisions.EnsurePhase(closed, "Drafting", CyclePhase.Planning);
        write.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
    }

    [Fact]
    public void The_reference_date_is_today_clamped_into_the_period()
    {
        var cycle = Given(Created());
        cycle.ReferenceDate(new DateOnly(2026, 6, 20)).Should().Be(new DateOnly(2026, 7, 1));
        cycle.ReferenceDate(new DateOnly(2026, 9, 15)).Should().Be(new DateOnly(2026, 9, 15));
        cycle.ReferenceDate(new DateOnly(2027, 1, 3)).Should().Be(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void A_cycle_closes_only_when_no_appraisal_is_left_neither_final_nor_excused()
    {
        var evaluating = Given(Created(), new CycleStarted(Id, Acting.As("hr"), Now), new CycleEvaluationBegan(Id, Acting.As("hr"), false, Now));

        var close = () => CycleDecisions.Close(evaluating, 3, Acting.As("hr"), Now);

        var refusal = close.Should().Throw<DomainRuleViolation>().Which;
        refusal.Code.Should().Be("appraisals-not-final");
        refusal.Extensions["open"].Should().Be(3);
    }
}
