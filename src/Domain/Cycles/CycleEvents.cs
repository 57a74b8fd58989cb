namespace Kinerja.Domain.Cycles;

/// <summary>An empty <paramref name="UnitCodes"/> with <paramref name="AllUnits"/> means every unit; listed units include their sub-units.</summary>
/// <param name="AnnualCycleId">The annual cycle a periodic (monthly, quarterly, semester) cycle belongs to; absent in events before it existed.</param>
public sealed record CycleCreated(
    Guid CycleId,
    string Name,
    CycleKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool AllUnits,
    IReadOnlyList<string> UnitCodes,
    FeedbackWindow FeedbackWindow,
    Actor By,
    DateTimeOffset CreatedAt,
    Guid? AnnualCycleId = null);

public sealed record CycleStarted(Guid CycleId, Actor By, DateTimeOffset StartedAt);

/// <summary><paramref name="Scheduled"/> is true when the scheduler moved the cycle at the end of its period, false when hr-admin did by hand.</summary>
public sealed record CycleEvaluationBegan(Guid CycleId, Actor By, bool Scheduled, DateTimeOffset BeganAt);

public sealed record CycleClosed(Guid CycleId, Actor By, DateTimeOffset ClosedAt);
