using Kinerja.Application.Appraisals;
using Kinerja.Application.Units;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Evaluations;

/// <summary>
/// Unit heads and their units' results in a cycle (PermenPANRB 6/2022, ADR 084). The head is the one recorded on the period's
/// last day: who led the unit as the period closed answers for it, and their rating hasil kerja is its result.
/// </summary>
public sealed class UnitHeads(IUnitDirectory units, IUnitEvaluationDirectory results, IAppraisalDirectory appraisals)
{
    /// <summary>The unit the employee headed as the period closed, with its result when recorded (of several, the first by code).</summary>
    public async Task<HeadedUnit?> Headed(Appraisal appraisal, AppraisalCycle cycle, CancellationToken ct)
    {
        var headed = (await units.All(ct)).Where(u => u.HeadOn(cycle.PeriodEnd)?.HeadId == appraisal.EmployeeId)
            .OrderBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
        if (headed is null)
        {
            return null;
        }

        var record = await results.Find(UnitEvaluation.IdFor(cycle.Id, headed.Code), ct);
        return new HeadedUnit(headed.Code, record?.Result);
    }

    /// <summary>The unit's head as the period closed and the results rating of their evaluation in the cycle, once submitted or approved.</summary>
    public async Task<(string Nip, Rating Results)?> HeadEvaluated(UnitKerja unit, AppraisalCycle cycle, CancellationToken ct)
    {
        if (unit.HeadOn(cycle.PeriodEnd) is not { HeadId: { } headId, HeadNip: { } nip })
        {
            return null;
        }

        var record = await appraisals.Find(Appraisal.IdFor(cycle.Id, headId), ct);
        return record?.Evaluation is { Status: EvaluationStatus.Submitted or EvaluationStatus.Approved } evaluation ? (nip, evaluation.Results) : null;
    }
}
