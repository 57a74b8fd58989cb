using Kinerja.Application.Positions;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Talent;

namespace Kinerja.Application.Talent;

public sealed record LatestFinalView(Guid CycleId, Rating Results, Predikat Predikat, DateTimeOffset ApprovedAt);

/// <summary>What placement weighs of a position: its requirements, its jabatan fungsional path (if any) and its grade.</summary>
public sealed record PlacementTarget(IReadOnlyList<RequiredCompetency> Requirements, FunctionalPath? Path, int? Grade)
{
    public static PlacementTarget Of(PositionRecord position) =>
        new(position.Requirements, PlacementRules.PathOf(position.Kind, position.Name), PlacementRules.Grade(position.Kind, position.Level));
}

/// <summary>
/// Why a person fits a position and how far not: the requirements met, the gaps, those that need an assessment (perlu asesmen),
/// the weighted share, the path, the predikat and the 9-box behind the rank (docs/decisions/100).
/// </summary>
/// <param name="PathFit"><c>same-path</c>, <c>same-rumpun</c>, <c>other-path</c> or <c>position-has-no-path</c>.</param>
public sealed record PlacementFit(
    decimal MatchShare,
    int Shortfall,
    IReadOnlyList<MetRequirement> Met,
    IReadOnlyList<CompetencyGap> Gaps,
    LatestFinalView? LatestFinal,
    TalentBox? Box,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<UnknownRequirement> NeedsAssessment,
    decimal WeightedShare,
    string PathFit,
    string RuleVersion)
{
    public static (PlacementFit Fit, PlacementRank Rank, bool StepDown) Of(TalentProfile profile, PlacementTarget target)
    {
        var match = PlacementMatching.Match(target.Requirements, profile.Levels);
        var final = profile.LatestFinal is { Results: { } results, Predikat: { } predikat, FinalAt: { } at } f
            ? new LatestFinalView(f.CycleId, results, predikat, at)
            : null;
        var box = profile.Box;
        var held = profile.Position is { } p ? PlacementRules.PathOf(p.Kind, p.Title) : null;
        var distance = PlacementRules.PathDistance(target.Path, held);
        var pathFit = target.Path is null ? "position-has-no-path" : distance switch { 0 => "same-path", 1 => "same-rumpun", _ => "other-path" };
        var heldGrade = profile.Position is { } q ? PlacementRules.Grade(q.Kind, q.Level) : null;
        IReadOnlyList<string> reasons =
        [
            target.Path is null ? "the position is on no jabatan fungsional path"
                : $"{target.Path.Path} path ({target.Path.Rumpun}); the candidate holds " + (held is null ? "no functional post" : $"{held.Path} ({held.Rumpun})"),
            match.Required == 0
                ? "the position requires no particular competency"
                : $"meets {match.Met.Count} of {match.Required} required competencies" + (match.Met.Count > 0 ? ": " + string.Join(", ", match.Met.Select(m => m.Code)) : ""),
            $"weighted {match.MetWeight} of {match.TotalWeight} met (a technical competency weighs {PlacementRules.GroupWeights["TEKNIS"]}, others 1)",
            .. match.Gaps.Select(g => $"{g.Code} at level {g.Actual}, {g.Required} required (short by {g.Shortfall})"),
            .. match.NeedsAssessment.Select(u => $"{u.Code} needs assessment (perlu asesmen), {u.Required} required: unknown, not counted as a shortfall"),
            final is null ? "no final evaluation yet" : $"latest final predikat {final.Predikat} (results {final.Results})",
            box is null ? "no 9-box: needs a final evaluation and a competency assessment" : $"9-box {box.Number}: {string.Join(", ", box.Recommendations.Select(r => r.English))}",
        ];
        var fit = new PlacementFit(match.Share, match.Shortfall, match.Met, match.Gaps, final, box, reasons, match.NeedsAssessment, match.WeightedShare, pathFit,
            PlacementRules.Version);
        return (fit, PlacementMatching.Rank(distance, match, final?.Predikat, box?.Number), PlacementRules.IsStepDown(heldGrade, target.Grade));
    }
}
