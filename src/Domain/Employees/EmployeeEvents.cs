namespace Kinerja.Domain.Employees;

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
    DateTimeOffset RegisteredAt);

public sealed record EmployeeTransferred(
    Guid EmployeeId,
    Guid UnitId,
    string UnitCode,
    Position Position,
    string? Golongan,
    DateOnly EffectiveOn,
    DateTimeOffset TransferredAt);

/// <summary>A null supervisor means the employee reports to nobody in the registry from that date (e.g. a kepala dinas).</summary>
public sealed record SupervisorChanged(
    Guid EmployeeId,
    Guid? SupervisorId,
    string? SupervisorNip,
    DateOnly EffectiveOn,
    DateTimeOffset ChangedAt);

public sealed record NipCorrected(Guid EmployeeId, string PreviousNip, string Nip, string Reason, DateTimeOffset CorrectedAt);

public sealed record CompetencyAssessed(
    Guid EmployeeId,
    IReadOnlyList<CompetencyLevel> Competencies,
    Potential Potential,
    DateOnly AssessedOn,
    string AssessedBy,
    DateTimeOffset RecordedAt);

public sealed record EmploymentEnded(Guid EmployeeId, EmploymentEndReason Reason, DateOnly EffectiveOn, DateTimeOffset EndedAt);
