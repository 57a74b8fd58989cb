using Kinerja.Application.Appraisals;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Evaluations;

/// <summary>ADR 086: a final score keeps the weights pinned at its approval, so new weights and a rebuild leave closed cycles' scores alone.</summary>
public sealed class PinnedScoreWeightsTests
{
    private static readonly ScoreWeights Later = ScoreWeightSets.V2026 with { Version = "2027.1", Results = 0.2m, Behaviour = 0.8m };

    private static AppraisalRecord Record(string? pinned) => new(
        Id, CycleId, Guru, "198609262015051001", "SD01", KepalaSekolah, "197501012000031002", Pengawas, "197001012000031001", Today,
        [new PlanVersionRecord(1, PlanStatus.Agreed, Plan("12"), Now, Acting.As("guru"), Now, [], Now, Acting.As("kepsek"))],
        [new RealisationEntry(Guid.CreateVersion7(), "R1.1", 9, new Evidence(null, null, "RPP"), Today, Now, Acting.As("guru"), null, null, null)],
        [new SourceTally(FeedbackSource.Supervisor, 1, [new ValueTally(BerAkhlak.Akuntabel, 1, 5)], [], [])],
        Now,
        new EvaluationRecord(EvaluationStatus.Approved, Rating.SesuaiEkspektasi, Rating.SesuaiEkspektasi, [], "ok", Predikat.Baik, "PermenPANRB 6/2022",
            Acting.As("kepsek"), Now, [], Now, Acting.As("pengawas"), ScoreWeightsVersion: pinned));

    [Fact]
    public void A_final_score_is_computed_with_the_weights_pinned_at_approval_whatever_weights_are_in_force()
    {
        // Results 75 (9 of 12), behaviour 100: 0.6 x 75 + 0.4 x 100 on the pinned 2026.1, not 0.2 x 75 + 0.8 x 100 on the later weights.
        var pinned = Record("2026.1").ScoredWith(Later)!;
        (pinned.WeightsVersion, pinned.Value).Should().Be(("2026.1", 85m));

        var unpinned = Record(null).ScoredWith(Later)!;
        (unpinned.WeightsVersion, unpinned.Value).Should().Be(("2027.1", 95m));
    }
}
