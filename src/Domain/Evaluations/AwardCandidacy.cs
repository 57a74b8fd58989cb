namespace Kinerja.Domain.Evaluations;

/// <summary>
/// What "the top of the unit" means: the best <see cref="Share"/> of the unit's final appraisals in the ranking order
/// (rounded down), at least <see cref="AtLeast"/>; everyone tied with the last of them is in the top too.
/// </summary>
public sealed record TopOfUnitRule(decimal Share, int AtLeast)
{
    public static readonly TopOfUnitRule Default = new(0.20m, 1);

    public int TopCount(int finalAppraisals) =>
        finalAppraisals == 0 ? 0 : Math.Min(finalAppraisals, Math.Max(AtLeast, (int)Math.Floor(Share * finalAppraisals)));
}

/// <summary>
/// One final appraisal of a unit, as candidacy sees it: the ranking's keys (ADR 041), predikat first, then the service's
/// score, then its results points.
/// </summary>
public sealed record FinalStanding(string Key, Predikat Predikat, decimal Score, decimal Results = 0m)
{
    /// <summary>Ahead of <paramref name="other"/> in the ranking order; rows equal on all three keys are tied.</summary>
    public bool Ahead(FinalStanding other) =>
        Predikat != other.Predikat ? Predikat < other.Predikat : Score != other.Score ? Score > other.Score : Results > other.Results;
}

/// <summary>
/// A final appraisal's place in its unit. <see cref="Rank"/> is its rank in the unit's ranking (ADR 041, ADR 073): 1 + the
/// number of the unit's final appraisals ahead of it in the ranking order (ties share a rank); <see cref="InTop"/> when it
/// is not behind the last place of the top.
/// </summary>
public sealed record RankedStanding(FinalStanding Standing, int Rank, bool InTop)
{
    /// <summary>Tindak lanjut: only Sangat Baik in the top of the unit are award candidates; the score never replaces the predikat.</summary>
    public bool IsAwardCandidate => InTop && Standing.Predikat == Predikat.SangatBaik;
}

/// <summary>
/// The unit's final appraisals ranked, how many the rule puts in the top, and the score of the last place in it
/// (<see cref="BoundaryScore"/>; with its predikat, the line a final appraisal must reach).
/// </summary>
public sealed record UnitTop(int Final, int TopCount, decimal? BoundaryScore, IReadOnlyList<RankedStanding> Ranked)
{
    public IEnumerable<RankedStanding> AwardCandidates => Ranked.Where(r => r.IsAwardCandidate);
}

public static class AwardCandidacy
{
    /// <summary>
    /// Ranks every final appraisal of one unit in the ranking's order (predikat class, score, results points; then by key
    /// for a fixed listing order), so a rank in unit here is the same number as the rank in the unit's ranking.
    /// </summary>
    public static UnitTop Rank(TopOfUnitRule rule, IReadOnlyList<FinalStanding> unit)
    {
        var ordered = unit.OrderBy(s => s.Predikat).ThenByDescending(s => s.Score).ThenByDescending(s => s.Results)
            .ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var topCount = rule.TopCount(ordered.Count);
        var boundary = topCount == 0 ? null : ordered[topCount - 1];
        var ranked = ordered
            .Select(s => new RankedStanding(s, 1 + ordered.Count(o => o.Ahead(s)), boundary is not null && !boundary.Ahead(s)))
            .ToList();
        return new UnitTop(ordered.Count, topCount, boundary?.Score, ranked);
    }
}
