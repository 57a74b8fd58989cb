using JasperFx.Events;
using JasperFx.Events.Projections;
using Kinerja.Application.Evaluations;
using Kinerja.Domain.Evaluations;
using Marten;
using Kinerja.Infrastructure.Common;

namespace Kinerja.Infrastructure.Evaluations;

internal static class UnitEvaluationStore
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventType<UnitResultRecorded>();
        opts.Events.AddEventType<DistributionBreachJustified>();
        opts.Projections.Add<UnitEvaluationStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<UnitEvaluationRecordProjection>(ProjectionLifecycle.Inline);
    }
}

/// <summary>The decision state, bridged to the pure Domain.Evolve.</summary>
internal static class UnitEvaluationEvents
{
    public static readonly Type[] All = [typeof(UnitResultRecorded), typeof(DistributionBreachJustified)];
}

internal sealed class UnitEvaluationStateProjection() : StreamProjection<UnitEvaluation>(UnitEvaluationEvents.All)
{
    public override UnitEvaluation Evolve(UnitEvaluation? snapshot, Guid id, IEvent e) => UnitEvaluation.Evolve(snapshot, e.Data);
}

internal sealed class UnitEvaluationRecordProjection() : StreamProjection<UnitEvaluationRecord>(UnitEvaluationEvents.All)
{
    public override UnitEvaluationRecord Evolve(UnitEvaluationRecord? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, UnitResultRecorded r) => new UnitEvaluationRecord(
            r.UnitEvaluationId, r.CycleId, r.UnitCode, r.Result, r.By, r.RecordedAt, snapshot?.Justifications ?? [], r.Reason),
        (not null, DistributionBreachJustified j) => snapshot with
        {
            Justifications = [.. snapshot.Justifications, new BreachJustification(j.Breaches, j.Counts, j.GuidanceVersion, j.Justification, j.By, j.JustifiedAt)],
        },
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to unit evaluation record {id}."),
    };
}

internal sealed class MartenUnitEvaluationDirectory(IQuerySession session) : IUnitEvaluationDirectory
{
    public Task<UnitEvaluationRecord?> Find(Guid id, CancellationToken ct) => session.LoadAsync<UnitEvaluationRecord>(id, ct);
}
