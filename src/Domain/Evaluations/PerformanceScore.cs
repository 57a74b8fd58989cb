using Kinerja.Domain.Appraisals;

namespace Kinerja.Domain.Evaluations;

/// <summary>An indicator of the agreed plan with the value achieved (the latest realisation not corrected), if any.</summary>
public sealed record IndicatorOutcome(string RowKey, RowKind Kind, string IndicatorKey, Aspect Aspect, decimal Target, decimal? Realised);

/// <summary>What one source of feedback gave: responses, and the sum and count of every value score (1-5) they gave.</summary>
public sealed record SourceFeedback(FeedbackSource Source, int Responses, int ScoreSum, int ScoreCount);

/// <summary>
/// Realisation against target as a ratio, the one definition behind the progress view, the score and the strengths rule:
/// 1 is exactly on target, whichever way the aspect counts.
/// </summary>
public static class Achievement
{
    /// <summary>
    /// Kuantitas and Kualitas count up (realised / target); Waktu and Biaya count down (target / realised): finishing in
    /// 10 of 12 months or spending less than budgeted is above target. Zero realised is zero achievement whichever way
    /// (nothing delivered, or a deadline missed), never unknown. Null only when there is no basis: nothing realised
    /// yet, or a target of zero or less, or a negative value.
    /// </summary>
    public static decimal? Ratio(Aspect aspect, decimal target, decimal? realised)
    {
        if (realised is not { } value || target <= 0 || value < 0)
        {
            return null;
        }

        if (value == 0)
        {
            return 0m;
        }

        return aspect is Aspect.Waktu or Aspect.Biaya ? target / value : value / target;
    }

    /// <summary>Why an indicator has no achievement, in words a reader of the score or the progress view understands; null when it has one.</summary>
    public static string? MissingBasis(decimal target, decimal? realised) =>
        realised is null ? "nothing realised"
        : target <= 0 ? "target is not above zero"
        : realised < 0 ? "realised value is negative"
        : null;
}

/// <summary>
/// The weights behind a performance score. Versioned reference data like the predikat table: a score
/// always names the version that produced it, and a new version never changes a score already shown.
/// </summary>
public sealed record ScoreWeights(
    string Version,
    decimal Results,
    decimal Behaviour,
    decimal Utama,
    decimal Tambahan,
    decimal AchievementCap,
    IReadOnlyDictionary<FeedbackSource, decimal> Sources,
    int MinPublicResponses);

public static class ScoreWeightSets
{
    public static readonly ScoreWeights V2026 = new(
        "2026.1",
        Results: 0.6m,
        Behaviour: 0.4m,
        Utama: 1m,
        Tambahan: 0.5m,
        AchievementCap: 1.2m,
        Sources: new Dictionary<FeedbackSource, decimal>
        {
            [FeedbackSource.Supervisor] = 0.40m,
            [FeedbackSource.Peer] = 0.20m,
            [FeedbackSource.Subordinate] = 0.15m,
            [FeedbackSource.Public] = 0.25m,
            [FeedbackSource.Self] = 0m,
        },
        MinPublicResponses: 5);

    public static readonly IReadOnlyList<ScoreWeights> All = [V2026];

    public static ScoreWeights? ByVersion(string version) => All.FirstOrDefault(w => w.Version == version);
}

/// <summary>One indicator's share of the results component: its achievement, what counts after the cap, its weight, and why it counts 0 without a basis.</summary>
public sealed record IndicatorScore(
    string RowKey, string IndicatorKey, RowKind Kind, Aspect Aspect, decimal? Achievement, decimal Counted, decimal Weight, string? MissingBasis = null);

/// <summary>One source's share of the behaviour component, or why it does not count (<see cref="NotCounted"/>).</summary>
public sealed record SourceScore(FeedbackSource Source, int Responses, decimal? Mean, decimal? Points, decimal Weight, string? NotCounted);

/// <summary>
/// The numeric score used to order employees within a predikat; it never replaces the predikat. Results
/// are 0-120 points (100 = every target met, capped at 120 %), behaviour 0-100 points (mean BerAKHLAK
/// score 1-5 mapped to 0-100), the score their weighted sum; every part is returned so a person can see why.
/// <see cref="MissingBasis"/> says plainly when results points rest on indicators with nothing to measure (they count 0).
/// </summary>
public sealed record PerformanceScore(
    decimal Value,
    string WeightsVersion,
    decimal ResultsPoints,
    decimal? BehaviourPoints,
    decimal ResultsWeight,
    decimal BehaviourWeight,
    IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyList<SourceScore> Sources,
    string? MissingBasis = null)
{
    public static PerformanceScore Compute(ScoreWeights weights, IReadOnlyList<IndicatorOutcome> indicators, IReadOnlyList<SourceFeedback> feedback)
    {
        var indicatorScores = indicators.Select(i =>
        {
            var achievement = Achievement.Ratio(i.Aspect, i.Target, i.Realised);
            var counted = Math.Min(achievement ?? 0m, weights.AchievementCap);
            return new IndicatorScore(i.RowKey, i.IndicatorKey, i.Kind, i.Aspect, Round(achievement, 4), Round(counted, 4)!.Value,
                i.Kind == RowKind.Utama ? weights.Utama : weights.Tambahan, Achievement.MissingBasis(i.Target, i.Realised));
        }).ToList();
        var indicatorWeight = indicatorScores.Sum(s => s.Weight);
        var results = indicatorWeight == 0 ? 0m : 100m * indicatorScores.Sum(s => s.Counted * s.Weight) / indicatorWeight;

        var sources = Enum.GetValues<FeedbackSource>().Select(source => Source(weights, source, feedback.FirstOrDefault(f => f.Source == source))).ToList();
        var counting = sources.Where(s => s.NotCounted is null && s.Points is not null).ToList();
        var sourceWeight = counting.Sum(s => s.Weight);
        decimal? behaviour = sourceWeight == 0 ? null : counting.Sum(s => s.Points!.Value * s.Weight) / sourceWeight;

        // Without counted feedback the score is the results component alone rather than a zero that would punish the unasked.
        var (resultsWeight, behaviourWeight) = behaviour is null ? (1m, 0m) : (weights.Results, weights.Behaviour);
        var value = (resultsWeight * results) + (behaviourWeight * (behaviour ?? 0m));
        return new PerformanceScore(
            Round(value, 2)!.Value, weights.Version, Round(results, 2)!.Value, Round(behaviour, 2), resultsWeight, behaviourWeight, indicatorScores, sources,
            MissingBasisOf(indicatorScores));
    }

    private static string? MissingBasisOf(IReadOnlyList<IndicatorScore> indicators)
    {
        var without = indicators.Count(i => i.MissingBasis is not null);
        return indicators.Count == 0 ? "no agreed indicator: the results points rest on nothing"
            : without == 0 ? null
            : $"{without} of {indicators.Count} indicators have no basis ({string.Join(", ", indicators.Where(i => i.MissingBasis is not null).Select(i => $"{i.IndicatorKey}: {i.MissingBasis}"))}) and count 0";
    }

    private static SourceScore Source(ScoreWeights weights, FeedbackSource source, SourceFeedback? given)
    {
        var weight = weights.Sources.GetValueOrDefault(source);
        if (given is null || given.ScoreCount == 0)
        {
            return new SourceScore(source, given?.Responses ?? 0, null, null, weight, "no feedback");
        }

        var mean = (decimal)given.ScoreSum / given.ScoreCount;
        var points = (mean - Feedback.MinScore) / (Feedback.MaxScore - Feedback.MinScore) * 100m;
        var notCounted = weight == 0 ? "weight 0 in this version"
            : source == FeedbackSource.Public && given.Responses < weights.MinPublicResponses ? $"fewer than {weights.MinPublicResponses} public responses"
            : null;
        return new SourceScore(source, given.Responses, Round(mean, 2), Round(points, 2), weight, notCounted);
    }

    /// <summary>Rounded, with trailing zeros dropped (50, not 50.0000) so the figures read the same in JSON and CSV.</summary>
    private static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m : null;
}
