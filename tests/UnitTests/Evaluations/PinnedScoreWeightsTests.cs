using Kinerja.Application.Appraisals;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Evaluations;

/// <summary>ADR 086: a final score keeps the weights pinned at its approval, so new weights and a rebuild leave closed cycles' scores alone.</summary>
public sealed class PinnedScoreWeightsTests
{
    private static readonly ScoreWeights Later = ScoreWeightSets.V2026 with { Version = "2027.1", Results = 0.2m, Behaviour = 0.8m };

    private static AppraisalStanding Record(string? pinned) => new(
        Id, CycleId, Guru, "198609262015051001", "SD01",
        [new SourceTally(FeedbackSource.Supervisor, 1, [new ValueTally(BerAkhlak.Akuntabel, 1, 5)], [], [])],
        [],
        AppraisalStanding.Indicators(Plan("12")),
        [new CurrentRealisation(Guid.CreateVersion7(), "R1.1", 9, Today, Now)],
        EvaluationStatus.Approved, Predikat.Baik, ScoreWeightsVersion: pinned);

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
