using JasperFx.Events;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Cycles;
using Kinerja.Infrastructure.Common;

namespace Kinerja.Infrastructure.Cycles;

internal static class CycleEventTypes
{
    public static readonly Type[] All = [typeof(CycleCreated), typeof(CycleStarted), typeof(CycleEvaluationBegan), typeof(CycleClosed)];
}

/// <summary>The decision state, bridged to the pure Domain.Evolve.</summary>
internal sealed class CycleStateProjection() : StreamProjection<AppraisalCycle>(CycleEventTypes.All)
{
    public override AppraisalCycle Evolve(AppraisalCycle? snapshot, Guid id, IEvent e) => AppraisalCycle.Evolve(snapshot, e.Data);
}

internal sealed class CycleRecordProjection() : StreamProjection<CycleRecord>(CycleEventTypes.All)
{
    public override CycleRecord Evolve(CycleRecord? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, CycleCreated c) => new CycleRecord(
            c.CycleId, c.Name, c.Kind, c.PeriodStart, c.PeriodEnd, c.AllUnits, c.UnitCodes, c.FeedbackWindow, CyclePhase.Planning,
            [new PhaseChange(CyclePhase.Planning, c.By, false, c.CreatedAt)], c.AnnualCycleId),
        (not null, CycleStarted s) => Moved(snapshot, new PhaseChange(CyclePhase.InProgress, s.By, false, s.StartedAt)),
        (not null, CycleEvaluationBegan b) => Moved(snapshot, new PhaseChange(CyclePhase.Evaluation, b.By, b.Scheduled, b.BeganAt)),
        (not null, CycleClosed c) => Moved(snapshot, new PhaseChange(CyclePhase.Closed, c.By, false, c.ClosedAt)),
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to cycle record {id}."),
    };

    private static CycleRecord Moved(CycleRecord record, PhaseChange change) => record with { Phase = change.Phase, History = [.. record.History, change] };
}
