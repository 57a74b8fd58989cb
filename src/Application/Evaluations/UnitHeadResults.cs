using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

using Kinerja.Domain;

namespace Kinerja.Application.Evaluations;

/// <summary>
/// A unit head's final evaluation gives their unit's result for the cycle (ADR 042). The head is the one recorded on the
/// period's last day: who led the unit as the period closed answers for it.
/// </summary>
public sealed class UnitHeadResults(IEventStore store, IUnitDirectory units)
{
    /// <summary>The <c>By</c> of a result that followed the head; the event's metadata names whoever approved the evaluation.</summary>
    public const string SystemName = "system:unit-head-rule";

    /// <summary>Appends to the caller's unit of work, so the result commits with the approval or not at all.</summary>
    public async Task Follow(Appraisal appraisal, AppraisalCycle cycle, DateTimeOffset now, CancellationToken ct)
    {
        if (appraisal.Results is not { } rating)
        {
            return;
        }

        var headed = (await units.All(ct)).Select(u => (Unit: u, Head: u.HeadOn(cycle.PeriodEnd))).Where(x => x.Head?.HeadId == appraisal.EmployeeId);
        foreach (var (unit, head) in headed)
        {
            var stream = await store.FetchForWriting<UnitEvaluation>(UnitEvaluation.IdFor(cycle.Id, unit.Code), null, ct);
            stream.Append(UnitEvaluationDecisions.FollowHead(stream.State, cycle, unit.Code, head!.HeadNip!, rating, Actor.Service(SystemName), now));
        }
    }
}
