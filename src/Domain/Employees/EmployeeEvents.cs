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
public sealed record SupervisorChanged(
    Guid EmployeeId,
    Guid? SupervisorId,
    string? SupervisorNip,
    DateOnly EffectiveOn,
    DateTimeOffset ChangedAt) : IEmployeeEvent, IEffectiveDated
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
