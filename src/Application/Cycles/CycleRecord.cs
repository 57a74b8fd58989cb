using Kinerja.Domain.Cycles;

using Kinerja.Domain;

namespace Kinerja.Application.Cycles;

public sealed record PhaseChange(CyclePhase Phase, Actor By, bool Scheduled, DateTimeOffset At);

/// <summary>A cycle's read model, kept in the same transaction as its events (inline).</summary>
public sealed record CycleRecord(
    Guid Id,
    string Name,
    CycleKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool AllUnits,
    IReadOnlyList<string> UnitCodes,
    FeedbackWindow FeedbackWindow,
    CyclePhase Phase,
    IReadOnlyList<PhaseChange> History,
    Guid? AnnualCycleId = null)
{
    /// <summary>The list order, descending: newest period first, then newest created (ids are time-ordered); also the keyset cursor.</summary>
    public string SortKey => $"{PeriodStart:yyyyMMdd}{Id:N}";
}

public sealed record CycleFilter(CyclePhase? Phase, string? BeforeKey, int Limit);

public interface ICycleDirectory
{
    Task<CycleRecord?> Find(Guid id, CancellationToken ct);

    Task<bool> NameTaken(string name, CancellationToken ct);

    /// <summary>Cycles of <paramref name="kind"/> whose period shares a day with the given one, whatever their phase or scope.</summary>
    Task<IReadOnlyList<CycleRecord>> SameKindDuring(CycleKind kind, DateOnly start, DateOnly end, CancellationToken ct);

    /// <summary>Ordered by <see cref="CycleRecord.SortKey"/> descending; keyset paging before <see cref="CycleFilter.BeforeKey"/>.</summary>
    Task<IReadOnlyList<CycleRecord>> List(CycleFilter filter, CancellationToken ct);
}

/// <summary>Schedules the move of a cycle into evaluation. It joins the command's unit of work: kept exactly when the events are.</summary>
public interface ICycleScheduler
{
    Task ScheduleEvaluation(Guid cycleId, DateTimeOffset at, CancellationToken ct);
}
