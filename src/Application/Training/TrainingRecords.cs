using Kinerja.Domain.Training;

using Kinerja.Domain;

namespace Kinerja.Application.Training;

/// <summary>One step of a grant's life; <see cref="By"/> is the acting user as the event metadata records it.</summary>
public sealed record GrantHistoryEntry(GrantStatus Status, DateTimeOffset At, Actor By, string? Note);

/// <summary>
/// The read model of one grant, kept inline with its events. The request is kept as it was made;
/// the unit, employee and year it is listed by are lifted out for the store's indexes.
/// </summary>
public sealed record TrainingGrantRecord(
    Guid Id,
    TrainingGrantRequested Request,
    GrantStatus Status,
    TrainingSchedule? Schedule,
    TrainingCompletion? Completion,
    string? ClosingReason,
    IReadOnlyList<GrantHistoryEntry> History)
{
    public string UnitCode => Request.UnitCode;

    public Guid EmployeeId => Request.EmployeeId;

    public int Year => Request.Year;
}

public sealed record BudgetAdjustment(long PreviousAllocated, long Allocated, string Reason, DateTimeOffset At, Actor By);

/// <summary>A unit's budget for a year with the totals the events add up to, kept inline with them.</summary>
public sealed record TrainingBudgetRecord(
    Guid Id, string UnitCode, int Year, long Allocated, long Reserved, long Spent, DateTimeOffset SetAt, Actor SetBy, IReadOnlyList<BudgetAdjustment> Adjustments);

/// <summary>Grants ordered by id, which is time-ordered (UUIDv7): the order in which they were requested.</summary>
public sealed record GrantFilter(string? UnitCode, Guid? EmployeeId, GrantStatus? Status, int? Year, Guid? After, int? Limit);

public interface ITrainingDirectory
{
    Task<TrainingGrantRecord?> Grant(Guid id, CancellationToken ct);

    Task<IReadOnlyList<TrainingGrantRecord>> Grants(GrantFilter filter, CancellationToken ct);

    Task<TrainingBudgetRecord?> Budget(string unitCode, int year, CancellationToken ct);

    /// <summary>The JP ledgers of these employees; an employee without any approved grant has none.</summary>
    Task<IReadOnlyList<JpLedger>> Ledgers(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    /// <summary>Every grant of these employees, in the order they were requested.</summary>
    Task<IReadOnlyList<TrainingGrantRecord>> GrantsOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    Task<TrainingPartner?> Partner(Guid id, CancellationToken ct);

    /// <summary>Registered partners ordered by id (the order they were registered, UUIDv7), after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<TrainingPartner>> Partners(Guid? after, int limit, CancellationToken ct);
}
