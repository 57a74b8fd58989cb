using Kinerja.Domain;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.UnitTests.Appraisals;

namespace Kinerja.UnitTests.Evaluations;

public sealed class UnitEvaluationTests
{
    private static readonly DateTimeOffset Now = AppraisalScenario.Now;
    private static readonly AppraisalCycle Evaluating = AppraisalScenario.Cycle(CyclePhase.Evaluation);

    private static UnitEvaluation Given(params object[] events) => events.Aggregate((UnitEvaluation?)null, UnitEvaluation.Evolve)!;

    private static UnitResultRecorded Recorded(UnitResult result) =>
        (UnitResultRecorded)UnitEvaluationDecisions.RecordResult(null, Evaluating, "SD01", result, Acting.As("hr"), Now).Single();

    [Fact]
    public void A_recorded_unit_result_is_replaced_by_another_and_the_same_result_again_changes_nothing()
    {
        var baik = Recorded(UnitResult.Baik);
        baik.UnitEvaluationId.Should().Be(UnitEvaluation.IdFor(Evaluating.Id, "SD01"));

        UnitEvaluationDecisions.RecordResult(Given(baik), Evaluating, "SD01", UnitResult.Baik, Acting.As("hr"), Now).Should().BeEmpty();
        var istimewa = UnitEvaluationDecisions.RecordResult(Given(baik), Evaluating, "SD01", UnitResult.Istimewa, Acting.As("hr"), Now).Single();
        Given(baik, istimewa).Result.Should().Be(UnitResult.Istimewa);
    }

    [Fact]
    public void A_breach_is_justified_with_the_breaches_counts_and_guidance_version_it_answers()
    {
        var counts = new Dictionary<Predikat, int> { [Predikat.SangatBaik] = 2, [Predikat.Baik] = 18 };

        var justified = (DistributionBreachJustified)UnitEvaluationDecisions
            .JustifyBreach(Given(Recorded(UnitResult.Baik)), Evaluating, counts, " Semua guru lulus sertifikasi ", Acting.As("hr"), Now).Single();

        justified.Breaches.Should().BeEquivalentTo("at most 70% Baik", "some Butuh Perbaikan or Kurang");
        justified.Counts[Predikat.Baik].Should().Be(18);
        justified.GuidanceVersion.Should().Be("SE MenPANRB 03/2023");
        justified.Justification.Should().Be("Semua guru lulus sertifikasi");
    }

    [Fact]
    public void Nothing_is_justified_without_a_unit_result_or_a_breach_nor_in_a_closed_cycle()
    {
        var within = new Dictionary<Predikat, int> { [Predikat.SangatBaik] = 2, [Predikat.Baik] = 7, [Predikat.Kurang] = 1 };
        var noResult = () => UnitEvaluationDecisions.JustifyBreach(null, Evaluating, within, "x", Acting.As("hr"), Now);
        noResult.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("unit-result-missing");
        var noBreach = () => UnitEvaluationDecisions.JustifyBreach(Given(Recorded(UnitResult.Baik)), Evaluating, within, "x", Acting.As("hr"), Now);
        noBreach.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("no-distribution-breach");
        var closed = () => UnitEvaluationDecisions.RecordResult(null, AppraisalScenario.Cycle(CyclePhase.Closed), "SD01", UnitResult.Baik, Acting.As("hr"), Now);
        closed.Should().Throw<DomainRuleViolation>().Which.Code.Should().Be("cycle-closed");
    }
}
