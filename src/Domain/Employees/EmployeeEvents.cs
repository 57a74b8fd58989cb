namespace Kinerja.Domain.Employees;

// Explicit interface members are not serialised: the stored contract stays as declared.

/// <summary>Not effective-dated: a start date years back is the fact being registered, not a back-dated change.</summary>
public sealed record EmployeeRegistered(
    Guid EmployeeId,
    string Nip,
    string FullName,
    EmploymentType EmploymentType,
    Guid UnitId,
    string UnitCode,
    Position Position,
    string? Golongan,
    Guid? SupervisorId,
    string? SupervisorNip,
    DateOnly StartDate,
    DateTimeOffset RegisteredAt) : IEmployeeEvent;

public sealed record EmployeeTransferred(
    Guid EmployeeId,
    Guid UnitId,
    string UnitCode,
    Position Position,
    string? Golongan,
    DateOnly EffectiveOn,
    DateTimeOffset TransferredAt) : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => EffectiveOn;
}

/// <summary>A null supervisor means the employee reports to nobody in the registry from that date (e.g. a kepala dinas).</summary>
/// <param name="Basis">Named in the request, or derived from the new unit's head at a transfer; null in events recorded before it existed.</param>
public sealed record SupervisorChanged(
    Guid EmployeeId,
    Guid? SupervisorId,
    string? SupervisorNip,
    DateOnly EffectiveOn,
    DateTimeOffset ChangedAt,
    SupervisorBasis? Basis = null) : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => EffectiveOn;
}

public sealed record NipCorrected(Guid EmployeeId, string PreviousNip, string Nip, string Reason, DateTimeOffset CorrectedAt) : IEmployeeEvent;

public sealed record CompetencyAssessed(
    Guid EmployeeId,
    IReadOnlyList<CompetencyLevel> Competencies,
    Potential Potential,
    DateOnly AssessedOn,
    string AssessedBy,
    DateTimeOffset RecordedAt) : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => AssessedOn;
}

public sealed record EmploymentEnded(Guid EmployeeId, EmploymentEndReason Reason, DateOnly EffectiveOn, DateTimeOffset EndedAt)
    : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => EffectiveOn;
}

/// <summary>
/// A Plt or Plh acts for this employee (the superior who is away or whose post is vacant) during a dated period: their
/// rater and approver acts for this employee's subordinates count as this employee's (BKN circular 1/2021 on Plt/Plh).
/// </summary>
public sealed record ActingOfficialAssigned(
    Guid EmployeeId, Guid ActingId, string ActingNip, ActingKind Kind, DateOnly From, DateOnly To, DateTimeOffset AssignedAt)
    : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => From;

    public ActingPeriod Period => new(ActingId, ActingNip, Kind, From, To);
}

/// <summary>A PPPK work agreement (perjanjian kerja) from <paramref name="StartsOn"/> to <paramref name="EndsOn"/>, both included; a renewal follows the previous one.</summary>
public sealed record ContractRecorded(
    Guid EmployeeId, string Reference, DateOnly StartsOn, DateOnly EndsOn, bool Renewal, DateTimeOffset RecordedAt) : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => StartsOn;

    public PppkContract Contract => new(Reference, StartsOn, EndsOn, Renewal);
}
