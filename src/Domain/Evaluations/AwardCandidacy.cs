namespace Kinerja.Domain.Evaluations;

/// <summary>
/// What "the top of the unit by score" means: the best <see cref="Share"/> of the unit's final appraisals
/// (rounded down), at least <see cref="AtLeast"/>; everyone tied with the last of them is in the top too.
/// </summary>
public sealed record TopOfUnitRule(decimal Share, int AtLeast)
{
    public static readonly TopOfUnitRule Default = new(0.20m, 1);

    public int TopCount(int finalAppraisals) =>
        finalAppraisals == 0 ? 0 : Math.Min(finalAppraisals, Math.Max(AtLeast, (int)Math.Floor(Share * finalAppraisals)));
}

/// <summary>One final appraisal of a unit, as candidacy sees it.</summary>
public sealed record FinalStanding(string Key, Predikat Predikat, decimal Score);

/// <summary>
/// A final appraisal's place in its unit. <see cref="Rank"/> is 1 + the number of the unit's final appraisals
/// with a higher score (ties share a rank); <see cref="InTop"/> when its score reaches <see cref="UnitTop.BoundaryScore"/>.
/// </summary>
public sealed record RankedStanding(FinalStanding Standing, int Rank, bool InTop)
{
    /// <summary>Tindak lanjut: only Sangat Baik in the top of the unit are award candidates; the score never replaces the predikat.</summary>
    public bool IsAwardCandidate => InTop && Standing.Predikat == Predikat.SangatBaik;
}

/// <summary>The unit's final appraisals ranked, how many the rule puts in the top, and the lowest score that is in it.</summary>
public sealed record UnitTop(int Final, int TopCount, decimal? BoundaryScore, IReadOnlyList<RankedStanding> Ranked)
{
    public IEnumerable<RankedStanding> AwardCandidates => Ranked.Where(r => r.IsAwardCandidate);
}

public static class AwardCandidacy
{
    /// <summary>Ranks every final appraisal of one unit by score, highest first, then by key for a fixed order.</summary>
    public static UnitTop Rank(TopOfUnitRule rule, IReadOnlyList<FinalStanding> unit)
    {
        var ordered = unit.OrderByDescending(s => s.Score).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var topCount = rule.TopCount(ordered.Count);
        decimal? boundary = topCount == 0 ? null : ordered[topCount - 1].Score;
        var ranked = ordered
            .Select(s => new RankedStanding(s, 1 + ordered.Count(o => o.Score > s.Score), boundary is { } b && s.Score >= b))
            .ToList();
        return new UnitTop(ordered.Count, topCount, boundary, ranked);
    }
}
