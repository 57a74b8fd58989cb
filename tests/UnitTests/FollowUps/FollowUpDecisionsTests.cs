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

    private static FinalFacts Final(Predikat? predikat, bool inTop = true, int rank = 1) => new(Guru, predikat is null ? null : "SD01", predikat, 98.5m, rank, inTop);

    private static FollowUp Given(params object[] events) => events.Aggregate((FollowUp?)null, FollowUp.Evolve)!;

    [Fact]
    public void A_candidate_is_awarded_with_the_predikat_score_and_rank_that_made_them_one_and_the_same_award_again_changes_nothing()
    {
        var granted = (AwardGranted)FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.SangatBaik), Piagam, Acting.As("hr"), Now).Single();

        granted.FollowUpId.Should().Be(FollowUp.IdFor(Guru));
        granted.Citation.Should().Be("Guru berprestasi 2026");
        (granted.UnitCode, granted.Predikat, granted.Score, granted.RankInUnit, granted.OverrideReason).Should().Be(("SD01", Predikat.SangatBaik, 98.5m, 1, (string?)null));
        FollowUpDecisions.GrantAward(Given(granted), Evaluating, Final(Predikat.SangatBaik), Piagam, Acting.As("hr"), Now).Should().BeEmpty();
        var again = () => FollowUpDecisions.GrantAward(Given(granted), Evaluating, Final(Predikat.SangatBaik), Piagam with { Citation = "Lain" }, Acting.As("hr"), Now);
        again.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("award-already-granted");
        FollowUpDecisions.GrantAward(Given(granted), Evaluating, Final(Predikat.SangatBaik), Piagam with { Kind = AwardKind.KesempatanPelatihan }, Acting.As("hr"), Now)
            .Should().ContainSingle();
    }

    [Fact]
    public void Outside_the_top_an_award_needs_an_override_reason_which_never_overrules_the_predikat()
    {
        var outside = () => FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.SangatBaik, inTop: false, rank: 5), Piagam, Acting.As("hr"), Now);
        outside.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("not-award-candidate");

        var overridden = (AwardGranted)FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.SangatBaik, inTop: false, rank: 5),
            Piagam with { OverrideReason = " Juara lomba guru tingkat provinsi " }, Acting.As("hr"), Now).Single();
        overridden.OverrideReason.Should().Be("Juara lomba guru tingkat provinsi");
        overridden.RankInUnit.Should().Be(5);

        var baik = () => FollowUpDecisions.GrantAward(null, Evaluating, Final(Predikat.Baik), Piagam with { OverrideReason = "Berjasa" }, Acting.As("hr"), Now);
        baik.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("not-sangat-baik");
        var notFinal = () => FollowUpDecisions.GrantAward(null, Evaluating, Final(null), Piagam, Acting.As("hr"), Now);
        notFinal.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("evaluation-not-final");
    }

    [Theory]
    [InlineData(Predikat.ButuhPerbaikan)]
    [InlineData(Predikat.Kurang)]
    [InlineData(Predikat.SangatKurang)]
    public void A_support_plan_is_recorded_for_a_predikat_below_baik_with_its_kinds_once_each_and_the_same_plan_again_changes_nothing(Predikat predikat)
    {
        var plan = (SupportPlanRecorded)FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(predikat), Coaching, Acting.As("hr"), Now).Single();

        plan.Kinds.Should().Equal(SupportKind.Coaching, SupportKind.Training);
        plan.Actions.Should().Equal("Pendampingan RPP mingguan");
        plan.Predikat.Should().Be(predikat);
        FollowUpDecisions.RecordSupportPlan(Given(plan), Evaluating, Final(predikat), Coaching, Acting.As("hr"), Now).Should().BeEmpty();
        var revised = FollowUpDecisions.RecordSupportPlan(Given(plan), Evaluating, Final(predikat), Coaching with { ReviewOn = new DateOnly(2027, 6, 30) }, Acting.As("hr"), Now).Single();
        Given(plan, revised).SupportPlans.Should().ContainSingle().Which.ReviewOn.Should().Be(new DateOnly(2027, 6, 30));
    }

    [Theory]
    [InlineData(Predikat.SangatBaik)]
    [InlineData(Predikat.Baik)]
    [InlineData(null)]
    public void A_support_plan_for_someone_not_flagged_is_refused(Predikat? predikat)
    {
        var refused = () => FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(predikat), Coaching, Acting.As("hr"), Now);
        refused.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be(predikat is null ? "evaluation-not-final" : "not-flagged-for-support");
    }

    [Fact]
    public void The_employee_is_not_responsible_for_their_own_support_plan_and_nothing_is_recorded_in_a_closed_cycle()
    {
        var self = () => FollowUpDecisions.RecordSupportPlan(null, Evaluating, Final(Predikat.Kurang), Coaching with { ResponsibleId = Guru }, Acting.As("hr"), Now);
        self.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("responsible-is-employee");

        var closed = AppraisalScenario.Cycle(CyclePhase.Closed);
        var award = () => FollowUpDecisions.GrantAward(null, closed, Final(Predikat.SangatBaik), Piagam, Acting.As("hr"), Now);
        award.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
        var plan = () => FollowUpDecisions.RecordSupportPlan(null, closed, Final(Predikat.Kurang), Coaching, Acting.As("hr"), Now);
        plan.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
    }
}
