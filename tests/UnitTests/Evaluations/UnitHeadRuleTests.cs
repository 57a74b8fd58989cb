using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Units;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Evaluations;

/// <summary>PermenPANRB 6/2022: a unit head's rating hasil kerja is their unit's result (unit to head), by the versioned mapping.</summary>
public sealed class UnitHeadRuleTests
{
    private static readonly AppraisalCycle Evaluating = Cycle(CyclePhase.Evaluation);
    private const string Head = "197501012000031002";

    private static UnitEvaluation GivenUnit(params object[] events) => events.Aggregate((UnitEvaluation?)null, UnitEvaluation.Evolve)!;

    private static NewEvaluation Rated(Rating results) => new(results, Rating.SesuaiEkspektasi, [], "Sesuai capaian organisasi");

    private static IReadOnlyList<object> EvaluateHead(Rating results, UnitResult? unitResult) =>
        AppraisalDecisions.Evaluate(Given(Agreed), Evaluating, Rated(results), PredikatTables.Current, Pengawas, Now, new HeadedUnit("SD01", unitResult));

    [Theory]
    [InlineData(UnitResult.Istimewa, Rating.DiAtasEkspektasi)]
    [InlineData(UnitResult.Baik, Rating.SesuaiEkspektasi)]
    [InlineData(UnitResult.ButuhPerbaikan, Rating.DiBawahEkspektasi)]
    [InlineData(UnitResult.Kurang, Rating.DiBawahEkspektasi)]
    [InlineData(UnitResult.SangatKurang, Rating.DiBawahEkspektasi)]
    public void Every_unit_result_gives_the_heads_rating_hasil_kerja_by_the_versioned_mapping(UnitResult unitResult, Rating rating)
    {
        UnitHeadRule.RatingFor(unitResult).Should().Be(rating);
        UnitHeadRule.Version.Should().Be("PermenPANRB 6/2022, kinerja 2026.2");
    }

    [Theory]
    [InlineData(UnitResult.Istimewa, Rating.DiAtasEkspektasi)]
    [InlineData(UnitResult.Kurang, Rating.DiBawahEkspektasi)]
    public void A_heads_evaluation_that_follows_the_units_result_is_submitted_naming_the_unit_result_and_mapping_without_needing_realisations(
        UnitResult unitResult, Rating rating)
    {
        var submitted = (EvaluationSubmitted)EvaluateHead(rating, unitResult).Single();

        (submitted.Results, submitted.HeadOfUnit, submitted.UnitResult, submitted.UnitHeadRuleVersion).Should().Be((rating, "SD01", unitResult, UnitHeadRule.Version));
        submitted.UnrealisedJustification.Should().BeNull("the unit's result is what the head's results rating rests on");
    }

    [Fact]
    public void A_heads_evaluation_that_contradicts_the_units_result_is_refused_naming_the_rating_that_follows()
    {
        var contradicting = () => EvaluateHead(Rating.DiAtasEkspektasi, UnitResult.Kurang);

        var refusal = contradicting.Should().Throw<DomainRuleViolation>().Which;
        refusal.Code.Should().Be("results-follow-unit-result");
        refusal.Message.Should().Contain("DiBawahEkspektasi").And.Contain("SD01").And.Contain("Kurang");
        refusal.Extensions["expectedResults"].Should().Be("DiBawahEkspektasi");
    }

    [Fact]
    public void A_head_is_not_evaluated_before_the_units_result_is_recorded()
    {
        var missing = () => EvaluateHead(Rating.SesuaiEkspektasi, null);
        missing.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("unit-result-missing");
    }

    [Fact]
    public void The_units_result_is_recorded_with_its_reason_and_one_that_contradicts_the_heads_evaluation_already_made_is_refused()
    {
        var recorded = (UnitResultRecorded)UnitEvaluationDecisions.RecordResult(null, Evaluating, "SD01", UnitResult.Baik, null, Acting.As("hr"), " Atas nama Kepala Dinas ", Now).Single();
        (recorded.Result, recorded.Reason, recorded.HeadNip).Should().Be((UnitResult.Baik, "Atas nama Kepala Dinas", (string?)null));

        UnitEvaluationDecisions.RecordResult(GivenUnit(recorded), Evaluating, "SD01", UnitResult.Baik, (Head, Rating.DiAtasEkspektasi), Acting.As("hr"), null, Now)
            .Should().BeEmpty("the same result again changes nothing");
        UnitEvaluationDecisions.RecordResult(GivenUnit(recorded), Evaluating, "SD01", UnitResult.Istimewa, (Head, Rating.DiAtasEkspektasi), Acting.As("kadis"), null, Now)
            .Should().ContainSingle("Istimewa gives the rating the head already has");
        var contradicting = () => UnitEvaluationDecisions.RecordResult(GivenUnit(recorded), Evaluating, "SD01", UnitResult.Kurang, (Head, Rating.SesuaiEkspektasi), Acting.As("kadis"), null, Now);
        contradicting.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("unit-head-evaluated");
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
