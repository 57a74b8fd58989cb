namespace Kinerja.Domain.Training;

/// <summary>A unit's training budget for one year (rupiah). Its stream is also where grants reserve and spend, so two approvals race on it.</summary>
public sealed record TrainingBudgetSet(Guid BudgetId, Guid UnitId, string UnitCode, int Year, long Allocated, DateTimeOffset SetAt);

public sealed record TrainingBudgetAdjusted(Guid BudgetId, long PreviousAllocated, long Allocated, string Reason, DateTimeOffset AdjustedAt);

public sealed record TrainingFundsReserved(Guid BudgetId, Guid GrantId, long Amount, DateTimeOffset ReservedAt);

public sealed record TrainingFundsReleased(Guid BudgetId, Guid GrantId, long Amount, DateTimeOffset ReleasedAt);

/// <summary>The reservation becomes spending at the actual cost, which may differ from what was reserved.</summary>
public sealed record TrainingFundsSpent(Guid BudgetId, Guid GrantId, long Reserved, long Amount, DateTimeOffset SpentAt);
