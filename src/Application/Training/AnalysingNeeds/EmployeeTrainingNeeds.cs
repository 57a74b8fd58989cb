using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Talent;
using Kinerja.Application.Talent.GettingStrengthsAndWeaknesses;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Talent;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Training.AnalysingNeeds;

/// <summary>One competency to develop: where the level comes from, what the standard asks and why, and the open grants already addressing it.</summary>
public sealed record TrainingNeedItem(
    string CompetencyCode, int CurrentLevel, LevelEvidence LevelEvidence, DateOnly LevelAsOf, int RequiredLevel, int Gap,
    IReadOnlyList<NeedOrigin> Origins, IReadOnlyList<Guid> AddressedBy);

/// <summary>
/// A weakness of the latest final appraisal as a training need (the performance gap analysis): a BerAKHLAK value or an SKP
/// aspect judged weak by the strengths rule, with its figure, reasons and evidence. <see cref="Id"/> is what a grant cites
/// (reference kind <c>Weakness</c> or <c>TrainingNeed</c>): the cycle, the kind and the subject.
/// </summary>
public sealed record PerformanceNeedItem(
    string Id, Guid CycleId, string CycleName, ClaimKind Kind, string Subject, decimal Figure, IReadOnlyList<string> Reasons,
    ValueFigure? Value, AspectFigure? Aspect, UnitDistribution? Unit, string RuleVersion, IReadOnlyList<Guid> AddressedBy)
{
    public static string IdOf(Guid cycleId, ClaimKind kind, string subject) => $"{cycleId:N}:{kind.ToString().ToLowerInvariant()}:{subject}";
}

public sealed record EmployeeNeeds(
    PositionKind PositionKind, CompetencyStandard Standard, IReadOnlyList<TrainingNeedItem> Competency, IReadOnlyList<PerformanceNeedItem> Performance);

/// <summary>
/// Both gap analyses the law asks training plans to follow from (PP 11/2017 as amended by PP 17/2020, Pasal 203: analisis
/// kesenjangan kompetensi and analisis kesenjangan kinerja): competency levels against the position's standard, and the
/// weaknesses of the latest final (approved) appraisal, judged by the versioned strengths rule (docs/decisions/062, 102).
/// </summary>
public sealed class EmployeeTrainingNeeds(ITrainingDirectory training, IStrengthsEvidence evidence, IAppraisalDirectory appraisals, TimeProvider clock)
{
    public async Task<EmployeeNeeds> Of(EmployeeProfile profile, PositionKind? target, CancellationToken ct)
    {
        var today = clock.Today();
        var position = (profile.PlacementOn(today) ?? profile.Placements[0]).Position;
        var grants = await training.Grants(new GrantFilter(null, profile.Id, null, null, null, null), ct);
        var standard = CompetencyStandards.On(today);
        var open = grants.Where(g => g.Status is GrantStatus.Requested or GrantStatus.Approved or GrantStatus.Scheduled).ToList();
        var competency = CompetencyGaps(profile, grants, target, today)
            .Select(n => new TrainingNeedItem(
                n.CompetencyCode, n.Current.Level, n.Current.Evidence, n.Current.AsOf, n.RequiredLevel, n.Gap, n.Origins,
                [.. open.Where(g => g.Request.CompetencyCodes.Contains(n.CompetencyCode)).Select(g => g.Id)]))
            .ToList();
        return new EmployeeNeeds(position.Kind, standard, competency, await Performance(profile.Id, open, ct));
    }

    /// <summary>The competency gap analysis alone, on the employee's grants as already read (a partner's coverage reads many employees at once).</summary>
    public static IReadOnlyList<TrainingNeed> CompetencyGaps(EmployeeProfile profile, IEnumerable<TrainingGrantRecord> grants, PositionKind? target, DateOnly today)
    {
        var position = (profile.PlacementOn(today) ?? profile.Placements[0]).Position;
        var levels = TrainingNeeds.KnownLevels(profile.LatestAssessment, grants.Select(g => g.Completion).OfType<TrainingCompletion>());
        return TrainingNeeds.Derive(levels, position.Kind, target, CompetencyStandards.On(today));
    }

    private async Task<IReadOnlyList<PerformanceNeedItem>> Performance(Guid employeeId, IReadOnlyList<TrainingGrantRecord> open, CancellationToken ct)
    {
        var final = (await evidence.AppraisalsOf(employeeId, ct)).LastOrDefault(h => h.Appraisal.Evaluation?.Status == EvaluationStatus.Approved);
        if (final is null)
        {
            return [];
        }

        var rule = StrengthRules.Current;
        var unit = await appraisals.InUnit(final.Cycle.Id, final.Appraisal.UnitCode, ct);
        var judgement = StrengthsAndWeaknesses.Judge(rule, StrengthsViews.Measures(final.Appraisal), [.. unit.Select(StrengthsViews.Measures)], []);
        return [.. judgement.Weaknesses.Where(w => w.Kind is not ClaimKind.Competency).Select(w =>
        {
            var id = PerformanceNeedItem.IdOf(final.Cycle.Id, w.Kind, w.Subject);
            return new PerformanceNeedItem(
                id, final.Cycle.Id, final.Cycle.Name, w.Kind, w.Subject, w.Figure, w.Reasons, w.Value, w.Aspect, w.Unit, judgement.RuleVersion,
                [.. open.Where(g => g.Request.Reason.References.Any(r => r.Kind is ReferenceKind.Weakness or ReferenceKind.TrainingNeed && r.Id == id)).Select(g => g.Id)]);
        })];
    }
}
