using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

using Kinerja.Domain;

namespace Kinerja.Application.Evaluations;

public sealed record BreachJustification(IReadOnlyList<string> Breaches, IReadOnlyDictionary<Predikat, int> Counts, string GuidanceVersion, string Justification, Actor By, DateTimeOffset At);

/// <summary>A unit's own result in a cycle and every justification of its distribution, as recorded; <see cref="Reason"/> when hr-admin recorded it for the leader.</summary>
public sealed record UnitEvaluationRecord(
    Guid Id, Guid CycleId, string UnitCode, UnitResult Result, Actor RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<BreachJustification> Justifications,
    string? Reason = null);

public interface IUnitEvaluationDirectory
{
    Task<UnitEvaluationRecord?> Find(Guid id, CancellationToken ct);
}

/// <summary>The one path every write to a unit's evaluation takes, and the unit's spread of final predikat the guidance is checked against.</summary>
public sealed class UnitEvaluationStreams(IEventStore store, CycleStreams cycles, IAppraisalDirectory appraisals, ICurrentActor current, TimeProvider clock)
{
    public async Task<Written> Decide(
        Guid cycleId, string unitCode, Func<UnitEvaluation?, AppraisalCycle, Actor, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var cycle = await cycles.Load(cycleId, ct);
        var id = UnitEvaluation.IdFor(cycleId, unitCode);
        var version = await store.Decide<UnitEvaluation>(id, evaluation => decide(evaluation, cycle, current.Actor, clock.GetUtcNow()), ct);
        return new Written(id, version, unitCode);
    }

    /// <summary>Final predikat only: an evaluation still with the approver may change.</summary>
    public Task<IReadOnlyDictionary<Predikat, int>> FinalPredikat(Guid cycleId, string unitCode, CancellationToken ct) =>
        appraisals.FinalPredikatInUnit(cycleId, unitCode, ct);
}
