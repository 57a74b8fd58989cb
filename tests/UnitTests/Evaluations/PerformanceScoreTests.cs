using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;

namespace Kinerja.UnitTests.Evaluations;

public sealed class PerformanceScoreTests
{
    private static readonly ScoreWeights Weights = ScoreWeightSets.V2026;

    private static IndicatorOutcome Outcome(string key, RowKind kind, Aspect aspect, decimal target, decimal? realised) =>
        new("r-" + key, kind, key, aspect, target, realised);

    private static readonly IndicatorOutcome[] Plan =
    [
        Outcome("u1", RowKind.Utama, Aspect.Kuantitas, 10, 12),
        Outcome("u2", RowKind.Utama, Aspect.Waktu, 12, 10),
        Outcome("u3", RowKind.Utama, Aspect.Kualitas, 100, 80),
        Outcome("t1", RowKind.Tambahan, Aspect.Kuantitas, 4, null),
    ];

    [Fact]
    public void Results_and_counted_feedback_combine_by_the_versioned_weights_and_every_part_is_shown()
    {
        SourceFeedback[] feedback =
        [
            new(FeedbackSource.Supervisor, 1, 28, 7),
            new(FeedbackSource.Peer, 2, 21, 7),
            new(FeedbackSource.Public, 3, 35, 7),
            new(FeedbackSource.Self, 1, 35, 7),
        ];

        var score = PerformanceScore.Compute(Weights, Plan, feedback);

        // Results: (1.2 + 1.2 + 0.8 + 0 x 0.5) / 3.5 = 91.43; behaviour: (75 x 0.4 + 50 x 0.2) / 0.6 = 66.67.
        score.ResultsPoints.Should().Be(91.43m);
        score.BehaviourPoints.Should().Be(66.67m);
        score.Value.Should().Be(81.52m);
        score.WeightsVersion.Should().Be("2026.1");
        score.Indicators.Select(i => (i.IndicatorKey, i.Achievement, i.Counted, i.Weight)).Should().Equal(
            ("u1", 1.2m, 1.2m, 1m), ("u2", 1.2m, 1.2m, 1m), ("u3", 0.8m, 0.8m, 1m), ("t1", null, 0m, 0.5m));
        score.Sources.Single(s => s.Source == FeedbackSource.Public).NotCounted.Should().Be("fewer than 5 public responses");
        score.Sources.Single(s => s.Source == FeedbackSource.Self).NotCounted.Should().Be("weight 0 in this version");
        score.Sources.Single(s => s.Source == FeedbackSource.Subordinate).NotCounted.Should().Be("no feedback");
        score.Sources.Single(s => s.Source == FeedbackSource.Supervisor).Should().Be(
            new SourceScore(FeedbackSource.Supervisor, 1, 4m, 75m, 0.4m, null));
    }

    [Fact]
    public void Public_feedback_counts_from_the_minimum_number_of_responses()
    {
        var score = PerformanceScore.Compute(Weights, Plan, [new(FeedbackSource.Supervisor, 1, 28, 7), new(FeedbackSource.Public, 5, 35, 7)]);

        // (75 x 0.4 + 100 x 0.25) / 0.65 = 84.62
        score.BehaviourPoints.Should().Be(84.62m);
        score.Sources.Single(s => s.Source == FeedbackSource.Public).NotCounted.Should().BeNull();
    }

    [Fact]
    public void Without_counted_feedback_the_score_is_the_results_alone()
    {
        var score = PerformanceScore.Compute(Weights, Plan, [new(FeedbackSource.Self, 1, 35, 7)]);

        score.BehaviourPoints.Should().BeNull();
        score.Value.Should().Be(91.43m);
        (score.ResultsWeight, score.BehaviourWeight).Should().Be((1m, 0m));
    }

    [Fact]
    public void Achievement_above_the_cap_counts_as_the_cap_and_zero_realised_is_zero_achievement()
    {
        var score = PerformanceScore.Compute(
            Weights, [Outcome("a", RowKind.Utama, Aspect.Kuantitas, 1, 3), Outcome("b", RowKind.Utama, Aspect.Biaya, 1_000_000, 0)], []);

        score.Indicators.Select(i => (i.Achievement, i.Counted, i.MissingBasis)).Should().Equal((3m, 1.2m, (string?)null), (0m, 0m, (string?)null));
        score.ResultsPoints.Should().Be(60m);
        score.MissingBasis.Should().BeNull("zero realised is a measured result, not a missing one");
    }

    [Fact]
    public void A_score_says_plainly_which_indicators_have_no_basis_and_that_they_count_zero()
    {
        var nothing = PerformanceScore.Compute(Weights, [Outcome("a", RowKind.Utama, Aspect.Kuantitas, 12, null), Outcome("b", RowKind.Utama, Aspect.Waktu, 0, 6)], []);

        nothing.Value.Should().Be(0m);
        nothing.Indicators.Select(i => i.MissingBasis).Should().Equal("nothing realised", "target is not above zero");
        nothing.MissingBasis.Should().Be("2 of 2 indicators have no basis (a: nothing realised, b: target is not above zero) and count 0");
        PerformanceScore.Compute(Weights, Plan, []).MissingBasis.Should().Be("1 of 4 indicators have no basis (t1: nothing realised) and count 0");
    }

    [Theory]
    [InlineData(Aspect.Kuantitas, 10, 8, 0.8)]
    [InlineData(Aspect.Kualitas, 90, 99, 1.1)]
    [InlineData(Aspect.Waktu, 12, 8, 1.5)]
    [InlineData(Aspect.Biaya, 1000, 1250, 0.8)]
    [InlineData(Aspect.Kuantitas, 10, 0, 0)]
    [InlineData(Aspect.Kualitas, 90, 0, 0)]
    [InlineData(Aspect.Waktu, 12, 0, 0)]
    [InlineData(Aspect.Biaya, 1000, 0, 0)]
    public void Time_and_cost_count_down_quantity_and_quality_count_up_and_zero_realised_is_zero_either_way(Aspect aspect, int target, int realised, double expected) =>
        Achievement.Ratio(aspect, target, realised).Should().Be((decimal)expected);

    [Theory]
    [InlineData(Aspect.Kuantitas, 10, null, "nothing realised")]
    [InlineData(Aspect.Waktu, 12, null, "nothing realised")]
    [InlineData(Aspect.Kualitas, 0, 5, "target is not above zero")]
    [InlineData(Aspect.Biaya, 1000, -1, "realised value is negative")]
    public void Without_a_basis_there_is_no_achievement_and_the_reason_is_named(Aspect aspect, int target, int? realised, string why)
    {
        Achievement.Ratio(aspect, target, realised).Should().BeNull();
        Achievement.MissingBasis(target, realised).Should().Be(why);
    }

    [Fact]
    public void A_plan_without_indicators_scores_zero_results() =>
        PerformanceScore.Compute(Weights, [], []).Value.Should().Be(0m);
}
