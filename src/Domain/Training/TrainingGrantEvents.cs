using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

/// <summary>
/// A training grant belongs to one year (its tahun anggaran): the unit budget it draws on and the
/// year of the JP ledger it counts in. The unit is the employee's unit on the request date.
/// </summary>
public sealed record TrainingGrantRequested(
    Guid GrantId,
    Guid EmployeeId,
    string Nip,
    EmploymentType EmploymentType,
    Guid UnitId,
    string UnitCode,
    int Year,
    string Program,
    string Provider,
    TrainingTrack Track,
    IReadOnlyList<string> CompetencyCodes,
    int PlannedJp,
    long Cost,
    Funding Funding,
    GrantReason Reason,
    DateTimeOffset RequestedAt) : IEmployeeEvent;

public sealed record TrainingGrantApproved(Guid GrantId, string? Note, DateTimeOffset ApprovedAt);

public sealed record TrainingGrantRejected(Guid GrantId, string Reason, DateTimeOffset RejectedAt);

/// <summary>Scheduling again with other dates reschedules.</summary>
public sealed record TrainingGrantScheduled(Guid GrantId, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset ScheduledAt);

public sealed record TrainingGrantCompleted(
    Guid GrantId,
    DateOnly CompletedOn,
    int AttendedJp,
    long ActualCost,
    string? CertificateReference,
    CompetencyLevel? NewCompetencyLevel,
    DateTimeOffset CompletedAt);

public sealed record TrainingGrantCancelled(Guid GrantId, string Reason, DateTimeOffset CancelledAt);
