using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Positions;

namespace Kinerja.Domain.Talent;

public sealed record MetRequirement(string Code, int Required, int Actual);

/// <summary>A requirement known not to be met: the competency was assessed (or attested) below the level required.</summary>
public sealed record CompetencyGap(string Code, int Required, int? Actual)
{
    public int Shortfall => Required - (Actual ?? 0);
}

/// <summary>A requirement whose competency was never assessed: unknown (perlu asesmen), neither met nor a failure.</summary>
public sealed record UnknownRequirement(string Code, int Required);

/// <summary>How a person's known competency levels meet a position's requirements, each weighed by <see cref="PlacementRules.Weight"/>.</summary>
public sealed record CompetencyMatch(IReadOnlyList<MetRequirement> Met, IReadOnlyList<CompetencyGap> Gaps, IReadOnlyList<UnknownRequirement> NeedsAssessment)
{
    public int Required => Met.Count + Gaps.Count + NeedsAssessment.Count;

    /// <summary>Share of requirements met, 0-1, each counted once; a position that requires nothing is met in full.</summary>
    public decimal Share => Required == 0 ? 1m : Math.Round((decimal)Met.Count / Required, 4);

    /// <summary>Levels missing over the known gaps: an unassessed competency is not short of anything.</summary>
    public int Shortfall => Gaps.Sum(g => g.Shortfall);

    public int MetWeight => Met.Sum(m => PlacementRules.Weight(m.Code));

    public int TotalWeight => MetWeight + Gaps.Sum(g => PlacementRules.Weight(g.Code)) + UnknownWeight;

    public int UnknownWeight => NeedsAssessment.Sum(u => PlacementRules.Weight(u.Code));

    public int WeightedShortfall => Gaps.Sum(g => PlacementRules.Weight(g.Code) * g.Shortfall);

    /// <summary>Weighted share met, 0-1: the core technical competency counts three times a managerial one.</summary>
    public decimal WeightedShare => TotalWeight == 0 ? 1m : Math.Round((decimal)MetWeight / TotalWeight, 4);
}

/// <summary>What places one fit before another (docs/decisions/100).</summary>
public sealed record PlacementRank(int PathDistance, int MetWeight, int TotalWeight, int WeightedShortfall, int UnknownWeight, Predikat? LatestPredikat, int? Box)
{
    /// <summary>0 for Sangat Baik up to 4 for Sangat Kurang; no final evaluation ranks after all of them.</summary>
    public int PredikatRank => LatestPredikat is { } p ? (int)p : NoPredikatRank;

    public const int NoPredikatRank = 5;
}

/// <summary>
/// The placement rule (docs/decisions/061, made credible by 100): (a) the person's jabatan fungsional path (the same, then the
/// same rumpun, then another), (b) the larger weighted share of requirements met, (c) the smaller weighted shortfall of the
/// known gaps, (d) less left unassessed, (e) the better latest final predikat, (f) the higher 9-box box (none lowest); the
/// caller breaks remaining ties with a stable key (the NIP for candidates, the position code for recommendations).
/// </summary>
public static class PlacementMatching
{
    public static CompetencyMatch Match(IReadOnlyList<RequiredCompetency> requirements, IReadOnlyDictionary<string, int> levels)
    {
        var met = new List<MetRequirement>();
        var gaps = new List<CompetencyGap>();
        var unknown = new List<UnknownRequirement>();
        foreach (var requirement in requirements)
        {
            if (!levels.TryGetValue(requirement.Code, out var level))
            {
                unknown.Add(new UnknownRequirement(requirement.Code, requirement.MinLevel));
            }
            else if (level >= requirement.MinLevel)
            {
                met.Add(new MetRequirement(requirement.Code, requirement.MinLevel, level));
            }
            else
            {
                gaps.Add(new CompetencyGap(requirement.Code, requirement.MinLevel, level));
            }
        }

        return new CompetencyMatch(met, gaps, unknown);
    }

    public static PlacementRank Rank(int pathDistance, CompetencyMatch match, Predikat? latestPredikat, int? box) =>
        new(pathDistance, match.MetWeight, match.TotalWeight, match.WeightedShortfall, match.UnknownWeight, latestPredikat, box);

    /// <summary>
    /// A position fits a person when it is no step-down, lies on their path or rumpun (or has no path), and the requirements met
    /// or still unassessed weigh at least half of all: an unknown competency does not rule anyone out.
    /// </summary>
    public static bool Fits(PlacementRank rank, bool stepDown) =>
        !stepDown && rank.PathDistance < 2 && 2 * (rank.MetWeight + rank.UnknownWeight) >= rank.TotalWeight;

    /// <summary>Negative when <paramref name="x"/> is the better fit.</summary>
    public static int Compare(PlacementRank x, PlacementRank y)
    {
        // Shares compared by cross-multiplication, exact whatever the two denominators; requiring nothing is a full match.
        var (xMet, xOf) = x.TotalWeight == 0 ? (1, 1) : (x.MetWeight, x.TotalWeight);
        var (yMet, yOf) = y.TotalWeight == 0 ? (1, 1) : (y.MetWeight, y.TotalWeight);
        var share = ((long)yMet * xOf).CompareTo((long)xMet * yOf);
        return x.PathDistance != y.PathDistance ? x.PathDistance.CompareTo(y.PathDistance)
            : share != 0 ? share
            : x.WeightedShortfall != y.WeightedShortfall ? x.WeightedShortfall.CompareTo(y.WeightedShortfall)
            : x.UnknownWeight != y.UnknownWeight ? x.UnknownWeight.CompareTo(y.UnknownWeight)
            : x.PredikatRank != y.PredikatRank ? x.PredikatRank.CompareTo(y.PredikatRank)
            : (y.Box ?? 0).CompareTo(x.Box ?? 0);
    }
}
