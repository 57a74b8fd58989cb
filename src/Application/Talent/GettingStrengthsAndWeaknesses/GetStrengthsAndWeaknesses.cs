using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Training;
using Kinerja.Domain.Talent;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Talent.GettingStrengthsAndWeaknesses;

/// <summary>Without a cycle: the latest cycle (by period) the employee was appraised in.</summary>
public sealed record GetStrengthsAndWeaknesses(string Nip, Guid? CycleId) : IQuery<StrengthsAndWeaknessesView>;

/// <summary>
/// Judged at read time from the inline appraisal records: a verdict compares the employee with the whole
/// unit, so a stored one would go stale whenever a colleague received feedback (docs/decisions/062).
/// </summary>
public sealed class GetStrengthsAndWeaknessesHandler(
    IEmployeeDirectory directory, EmployeeAccess access, IStrengthsEvidence evidence, IAppraisalDirectory appraisals,
    ICycleDirectory cycles, ITrainingDirectory training, TimeProvider clock)
    : IQueryHandler<GetStrengthsAndWeaknesses, StrengthsAndWeaknessesView>
{
    public async ValueTask<StrengthsAndWeaknessesView> Handle(GetStrengthsAndWeaknesses query, CancellationToken ct)
    {
        var profile = await directory.Addressed(query.Nip, ct);
        await access.EnsureCanRead(profile, ct);
        if (query.CycleId is { } asked && await cycles.Find(asked, ct) is null)
        {
            throw CycleStreams.NotFound(asked);
        }

        var history = await evidence.AppraisalsOf(profile.Id, ct);
        var chosen = (query.CycleId is { } id ? history.FirstOrDefault(h => h.Cycle.Id == id) : history.LastOrDefault())
            ?? throw (query.CycleId is null ? new NotFound("appraisal-not-found", $"{query.Nip} has not been appraised in any cycle.") : AppraisalStreams.NotFound(query.Nip));

        var rule = StrengthRules.Current;
        var unit = await appraisals.InUnit(chosen.Cycle.Id, chosen.Appraisal.UnitCode, ct);
        var today = clock.Today();
        var position = (profile.PlacementOn(today) ?? profile.Placements[0]).Position;
        var standard = CompetencyStandards.On(today);
        var grants = await training.Grants(new GrantFilter(null, profile.Id, null, null, null, null), ct);
        var standings = TrainingNeeds.KnownLevels(profile.LatestAssessment, grants.Select(g => g.Completion).OfType<TrainingCompletion>())
            .Select(level => new CompetencyStanding(level, standard.RequiredLevel(position.Kind, level.CompetencyCode)))
            .ToList();

        var judgement = StrengthsAndWeaknesses.Judge(rule, StrengthsViews.Measures(chosen.Appraisal), [.. unit.Select(StrengthsViews.Measures)], standings);
        return new StrengthsAndWeaknessesView(
            profile.Nip,
            chosen.Appraisal.UnitCode,
            StrengthsViews.Summary(chosen.Cycle),
            judgement.RuleVersion,
            rule,
            unit.Count,
            judgement.Strengths,
            judgement.Weaknesses,
            judgement.Figures,
            new CompetencyBasis(position.Kind, standard.Version, profile.LatestAssessment?.AssessedOn),
            StrengthsViews.Trend(rule, history));
    }
}
