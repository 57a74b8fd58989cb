using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Units;
using Kinerja.UnitTests.Appraisals;

namespace Kinerja.UnitTests.Evaluations;

public sealed class UnitHeadRuleTests
{
    private static readonly DateTimeOffset Now = AppraisalScenario.Now;
    private static readonly AppraisalCycle Evaluating = AppraisalScenario.Cycle(CyclePhase.Evaluation);
    private const string Head = "197501012000031002";

    private static UnitEvaluation Given(params object[] events) => events.Aggregate((UnitEvaluation?)null, UnitEvaluation.Evolve)!;

    [Theory]
    [InlineData(Rating.DiAtasEkspektasi, UnitResult.Istimewa)]
    [InlineData(Rating.SesuaiEkspektasi, UnitResult.Baik)]
    [InlineData(Rating.DiBawahEkspektasi, UnitResult.ButuhPerbaikan)]
    public void Every_results_rating_of_a_unit_head_maps_to_one_unit_result(Rating rating, UnitResult result) =>
        UnitHeadRule.ResultFor(rating).Should().Be(result);

    [Fact]
    public void The_heads_rating_sets_the_units_result_once_and_names_the_head_and_rating_it_followed()
    {
        var followed = (UnitResultRecorded)UnitEvaluationDecisions.FollowHead(null, Evaluating, "SD01", Head, Rating.DiAtasEkspektasi, Acting.As("system"), Now).Single();

        (followed.Result, followed.HeadNip, followed.HeadResults, followed.By).Should().Be((UnitResult.Istimewa, Head, Rating.DiAtasEkspektasi, Acting.As("system")));
        UnitEvaluationDecisions.FollowHead(Given(followed), Evaluating, "SD01", Head, Rating.DiAtasEkspektasi, Acting.As("system"), Now).Should().BeEmpty();
        var byHand = UnitEvaluationDecisions.RecordResult(Given(followed), Evaluating, "SD01", UnitResult.Istimewa, Acting.As("hr"), Now);
        byHand.Should().ContainSingle("confirming the result by hand makes it hr-admin's")
            .Which.Should().BeOfType<UnitResultRecorded>().Which.HeadNip.Should().BeNull();
    }

    [Fact]
    public void A_result_recorded_by_hand_stands_when_the_heads_evaluation_becomes_final()
    {
        var byHand = UnitEvaluationDecisions.RecordResult(null, Evaluating, "SD01", UnitResult.Kurang, Acting.As("hr"), Now).Single();

        UnitEvaluationDecisions.FollowHead(Given(byHand), Evaluating, "SD01", Head, Rating.DiAtasEkspektasi, Acting.As("system"), Now).Should().BeEmpty();
        Given(byHand).FromHeadNip.Should().BeNull();
    }

    [Fact]
    public void The_head_on_a_date_is_the_latest_assignment_effective_by_then_and_the_same_assignment_again_changes_nothing()
    {
        var unit = UnitKerja.Evolve(null, UnitDecisions.Register(null, "SD01", "SD Negeri 1", null, Now).Single());
        var assigned = UnitDecisions.AssignHead(unit, null, new DateOnly(2026, 1, 2), Now).Single();
        var withHead = UnitKerja.Evolve(unit, assigned);

        withHead.HeadOn(new DateOnly(2026, 1, 1)).Should().BeNull();
        withHead.HeadOn(new DateOnly(2026, 12, 31))!.EffectiveFrom.Should().Be(new DateOnly(2026, 1, 2));
        UnitDecisions.AssignHead(withHead, null, new DateOnly(2026, 1, 2), Now).Should().BeEmpty();
    }
}
