using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Positions;

namespace Kinerja.Domain.Talent;

public sealed record MetRequirement(string Code, int Required, int Actual);

/// <summary>A requirement not met; <see cref="Actual"/> is null when the competency was never assessed (counted as level 0).</summary>
public sealed record CompetencyGap(string Code, int Required, int? Actual)
{
    public int Shortfall => Required - (Actual ?? 0);
}

/// <summary>How a person's known competency levels meet a position's requirements.</summary>
public sealed record CompetencyMatch(IReadOnlyList<MetRequirement> Met, IReadOnlyList<CompetencyGap> Gaps)
{
    public int Required => Met.Count + Gaps.Count;

    /// <summary>Share of requirements met, 0-1; a position that requires nothing is met in full.</summary>
    public decimal Share => Required == 0 ? 1m : Math.Round((decimal)Met.Count / Required, 4);

    /// <summary>Levels missing over all gaps: among equal shares, the nearer fit comes first.</summary>
    public int Shortfall => Gaps.Sum(g => g.Shortfall);
}

/// <summary>What places one fit before another: the match, then the latest final predikat, then the 9-box of that cycle.</summary>
public sealed record PlacementRank(int Met, int Required, int Shortfall, Predikat? LatestPredikat, int? Box)
{
    /// <summary>0 for Sangat Baik up to 4 for Sangat Kurang; no final evaluation ranks after all of them.</summary>
    public int PredikatRank => LatestPredikat is { } p ? (int)p : NoPredikatRank;

    public const int NoPredikatRank = 5;
}

/// <summary>
/// The placement rule (docs/decisions/061): (a) the larger share of requirements met, (b) the smaller total
/// shortfall in levels, (c) the better latest final predikat, (d) the higher 9-box box (none lowest); the
/// caller breaks remaining ties with a stable key (the NIP for candidates, the position code for an
/// employee's recommendations).
/// </summary>
public static class PlacementMatching
{
    public static CompetencyMatch Match(IReadOnlyList<RequiredCompetency> requirements, IReadOnlyDictionary<string, int> levels)
    {
        var met = new List<MetRequirement>();
        var gaps = new List<CompetencyGap>();
        foreach (var requirement in requirements)
        {
            int? actual = levels.TryGetValue(requirement.Code, out var level) ? level : null;
            if (actual >= requirement.MinLevel)
            {
                met.Add(new MetRequirement(requirement.Code, requirement.MinLevel, level));
            }
            else
            {
                gaps.Add(new CompetencyGap(requirement.Code, requirement.MinLevel, actual));
            }
        }

        return new CompetencyMatch(met, gaps);
    }

    public static PlacementRank Rank(CompetencyMatch match, Predikat? latestPredikat, int? box) =>
        new(match.Met.Count, match.Required, match.Shortfall, latestPredikat, box);

    /// <summary>Negative when <paramref name="x"/> is the better fit.</summary>
    public static int Compare(PlacementRank x, PlacementRank y)
    {
        // Shares compared by cross-multiplication, exact whatever the two denominators; requiring nothing is a full match.
        var (xMet, xOf) = x.Required == 0 ? (1, 1) : (x.Met, x.Required);
        var (yMet, yOf) = y.Required == 0 ? (1, 1) : (y.Met, y.Required);
        var share = ((long)yMet * xOf).CompareTo((long)xMet * yOf);
        return share != 0 ? share
            : x.Shortfall != y.Shortfall ? x.Shortfall.CompareTo(y.Shortfall)
            : x.PredikatRank != y.PredikatRank ? x.PredikatRank.CompareTo(y.PredikatRank)
            : (y.Box ?? 0).CompareTo(x.Box ?? 0);
    }
}
