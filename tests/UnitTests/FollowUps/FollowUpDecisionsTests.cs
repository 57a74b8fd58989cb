using Kinerja.Domain;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.FollowUps;
using Kinerja.UnitTests.Appraisals;

namespace Kinerja.UnitTests.FollowUps;

public sealed class FollowUpDecisionsTests
{
    private static readonly DateTimeOffset Now = AppraisalScenario.Now;
    private static readonly AppraisalCycle Evaluating = AppraisalScenario.Cycle(CyclePhase.Evaluation);
    private static readonly Guid Guru = AppraisalScenario.Guru;
    private static readonly Guid KepalaSekolah = AppraisalScenario.KepalaSekolah;
    private static readonly NewAward Piagam = new(AwardKind.Piagam, " Guru berprestasi 2026 ", new DateOnly(2026, 12, 20), null);
    private static readonly NewSupportPlan Coaching = new(
        [SupportKind.Training, SupportKind.Coaching, SupportKind.Coaching], [" Pendampingan RPP mingguan "], KepalaSekolah, "197501012000031002", new DateOnly(2027, 3, 31));

    private static readonly TimeSpan Window = TimeSpan.FromDays(90);

    private static FinalFacts Final(Predikat? predikat, bool inTop = true, int rank = 1) => new(Guru, predikat is null ? null : "SD01", predikat, 98.5m, rank, inTop);

    private static FollowUp Given(params object[] events) => events.Aggregate((FollowUp?)null, FollowUp.Evolve)!;

    [Fact]
    public void A_candidate_is_awarded_with_the_predikat_score_and_rank_that_made_them_one_and_the_same_award_again_changes_nothing()
    {
        var granted = (AwardGranted)FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.SangatBaik), Piagam, Window, Acting.As("hr"), Now).Single();

        granted.FollowUpId.Should().Be(FollowUp.IdFor(Guru));
        granted.Citation.Should().Be("Guru berprestasi 2026");
        (granted.UnitCode, granted.Predikat, granted.Score, granted.RankInUnit, granted.OverrideReason).Should().Be(("SD01", Predikat.SangatBaik, 98.5m, 1, (string?)null));
        FollowUpDecisions.GrantAward(Given(granted), Evaluating, Final(Predikat.SangatBaik), Piagam, Window, Acting.As("hr"), Now).Should().BeEmpty();
        var again = () => FollowUpDecisions.GrantAward(Given(granted), Evaluating, Final(Predikat.SangatBaik), Piagam with { Citation = "Lain" }, Window, Acting.As("hr"), Now);
        again.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("award-already-granted");
        FollowUpDecisions.GrantAward(Given(granted), Evaluating, Final(Predikat.SangatBaik), Piagam with { Kind = AwardKind.KesempatanPelatihan }, Window, Acting.As("hr"), Now)
            .Should().ContainSingle();
    }

    [Fact]
    public void Outside_the_top_an_award_needs_an_override_reason_which_never_overrules_the_predikat()
    {
        var outside = () => FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.SangatBaik, inTop: false, rank: 5), Piagam, Window, Acting.As("hr"), Now);
        outside.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("not-award-candidate");

        var overridden = (AwardGranted)FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.SangatBaik, inTop: false, rank: 5),
            Piagam with { OverrideReason = " Juara lomba guru tingkat provinsi " }, Window, Acting.As("hr"), Now).Single();
        overridden.OverrideReason.Should().Be("Juara lomba guru tingkat provinsi");
        overridden.RankInUnit.Should().Be(5);

        var baik = () => FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.Baik), Piagam with { OverrideReason = "Berjasa" }, Window, Acting.As("hr"), Now);
        baik.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("not-sangat-baik");
        var notFinal = () => FollowUpDecisions.GrantAward(null, Evaluating, Final(null), Piagam, Window, Acting.As("hr"), Now);
        notFinal.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("evaluation-not-final");
    }

    [Theory]
    [InlineData(Predikat.ButuhPerbaikan)]
    [InlineData(Predikat.Kurang)]
    [InlineData(Predikat.SangatKurang)]
    public void A_support_plan_is_recorded_for_a_predikat_below_baik_with_its_kinds_once_each_and_the_same_plan_again_changes_nothing(Predikat predikat)
    {
        var plan = (SupportPlanRecorded)FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(predikat), Coaching, Window, Acting.As("hr"), Now).Single();

        plan.Kinds.Should().Equal(SupportKind.Coaching, SupportKind.Training);
        plan.Actions.Should().Equal("Pendampingan RPP mingguan");
        plan.Predikat.Should().Be(predikat);
        FollowUpDecisions.RecordSupportPlan(Given(plan), Evaluating, Final(predikat), Coaching, Window, Acting.As("hr"), Now).Should().BeEmpty();
        var revised = FollowUpDecisions.RecordSupportPlan(Given(plan), Evaluating, Final(predikat), Coaching with { ReviewOn = new DateOnly(2027, 6, 30) }, Window, Acting.As("hr"), Now).Single();
        Given(plan, revised).SupportPlans.Should().ContainSingle().Which.ReviewOn.Should().Be(new DateOnly(2027, 6, 30));
    }

    [Theory]
    [InlineData(Predikat.SangatBaik)]
    [InlineData(Predikat.Baik)]
    [InlineData(null)]
    public void A_support_plan_for_someone_not_flagged_is_refused(Predikat? predikat)
    {
        var refused = () => FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(predikat), Coaching, Window, Acting.As("hr"), Now);
        refused.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(predikat is null ? "evaluation-not-final" : "not-flagged-for-support");
    }

    [Fact]
    public void The_employee_is_not_responsible_for_their_own_support_plan()
    {
        var self = () => FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(Predikat.Kurang), Coaching with { ResponsibleId = Guru }, Window, Acting.As("hr"), Now);
        self.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("responsible-is-employee");
    }

    [Fact]
    public void After_closing_awards_and_support_plans_are_recorded_until_the_window_ends_and_refused_from_then_on()
    {
        var closed = Closed(Now);
        FollowUpDecisions.GrantAward(null, closed, Final(Predikat.SangatBaik), Piagam, Window, Acting.As("hr"), Now + Window).Should().ContainSingle();
        FollowUpDecisions.RecordSupportPlan(null, closed, Final(Predikat.Kurang), Coaching, Window, Acting.As("hr"), Now + Window).Should().ContainSingle();

        var late = Now + Window + TimeSpan.FromSeconds(1);
        var award = () => FollowUpDecisions.GrantAward(null, closed, Final(Predikat.SangatBaik), Piagam, Window, Acting.As("hr"), late);
        award.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("follow-up-window-closed");
        var plan = () => FollowUpDecisions.RecordSupportPlan(null, closed, Final(Predikat.Kurang), Coaching, Window, Acting.As("hr"), late);
        plan.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("follow-up-window-closed");
        var noWindow = () => FollowUpDecisions.GrantAward(null, closed, Final(Predikat.SangatBaik), Piagam, TimeSpan.Zero, Acting.As("hr"), Now.AddMinutes(1));
        noWindow.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("follow-up-window-closed");
    }

    [Fact]
    public void A_support_plan_is_completed_once_with_its_outcome_even_after_the_window_and_is_not_revised_afterwards()
    {
        var plan = FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(Predikat.Kurang), Coaching, Window, Acting.As("hr"), Now).Single();
        var closed = Closed(Now);
        var later = Now.AddDays(200);
        var completion = new SupportCompletion(SupportOutcome.PartlyImproved, " Nilai murid naik; disiplin belum ", new DateOnly(2027, 3, 31));

        var completed = (SupportPlanCompleted)FollowUpDecisions.CompleteSupportPlan(Given(plan), closed, Guru, completion, Acting.As("hr"), later).Single();

        (completed.Outcome, completed.Notes, completed.CompletedOn, completed.CycleId).Should()
            .Be((SupportOutcome.PartlyImproved, "Nilai murid naik; disiplin belum", new DateOnly(2027, 3, 31), Evaluating.Id));
        Given(plan, completed).CompletionIn(Evaluating.Id).Should().Be(completed);
        FollowUpDecisions.CompleteSupportPlan(Given(plan, completed), closed, Guru, completion, Acting.As("hr"), later).Should().BeEmpty();
        var other = () => FollowUpDecisions.CompleteSupportPlan(Given(plan, completed), closed, Guru, completion with { Outcome = SupportOutcome.Improved }, Acting.As("hr"), later);
        other.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("support-plan-completed");
        var revise = () => FollowUpDecisions.RecordSupportPlan(Given(plan, completed), Evaluating, Final(Predikat.Kurang), Coaching with { ReviewOn = new DateOnly(2027, 6, 30) }, Window, Acting.As("hr"), Now);
        revise.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("support-plan-completed");
        var none = () => FollowUpDecisions.CompleteSupportPlan(null, closed, Guru, completion, Acting.As("hr"), later);
        none.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("no-support-plan");
    }

    private static AppraisalCycle Closed(DateTimeOffset at) => AppraisalCycle.Evolve(Evaluating, new CycleClosed(Evaluating.Id, Acting.As("hr"), at));
}
