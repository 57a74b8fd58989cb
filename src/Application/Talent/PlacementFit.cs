using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Talent;

namespace Kinerja.Application.Talent;

public sealed record LatestFinalView(Guid CycleId, Rating Results, Predikat Predikat, DateTimeOffset ApprovedAt);

/// <summary>Why a person fits a position and how far not: the requirements met, the gaps, the predikat and the 9-box behind the rank.</summary>
public sealed record PlacementFit(
    decimal MatchShare,
    int Shortfall,
    IReadOnlyList<MetRequirement> Met,
    IReadOnlyList<CompetencyGap> Gaps,
    LatestFinalView? LatestFinal,
    TalentBox? Box,
    IReadOnlyList<string> Reasons)
{
    public static (PlacementFit Fit, PlacementRank Rank) Of(TalentProfile profile, IReadOnlyList<RequiredCompetency> requirements)
    {
        var match = PlacementMatching.Match(requirements, profile.Levels);
        var final = profile.LatestFinal is { Results: { } results, Predikat: { } predikat, FinalAt: { } at } f
            ? new LatestFinalView(f.CycleId, results, predikat, at)
            : null;
        var box = profile.Box;
        IReadOnlyList<string> reasons =
        [
            match.Required == 0
                ? "the position requires no particular competency"
                : $"meets {match.Met.Count} of {match.Required} required competencies" + (match.Met.Count > 0 ? ": " + string.Join(", ", match.Met.Select(m => m.Code)) : ""),
            .. match.Gaps.Select(g => $"{g.Code} at {(g.Actual is { } a ? $"level {a}" : "no assessed level")}, {g.Required} required (short by {g.Shortfall})"),
            final is null ? "no final evaluation yet" : $"latest final predikat {final.Predikat} (results {final.Results})",
            box is null ? "no 9-box: needs a final evaluation and a competency assessment" : $"9-box {box.Number}: {string.Join(", ", box.Recommendations.Select(r => r.English))}",
        ];
        var fit = new PlacementFit(match.Share, match.Shortfall, match.Met, match.Gaps, final, box, reasons);
        return (fit, PlacementMatching.Rank(match, final?.Predikat, box?.Number));
    }
}
