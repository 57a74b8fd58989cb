namespace Kinerja.Domain.Training;

/// <summary>JP (jam pelajaran, lesson hours) an approved grant commits the employee to; counted in the grant's year.</summary>
/// <param name="ContractYear">For a PPPK, the start of the agreement year the hours count in; null when no agreement was recorded.</param>
public sealed record JpPlanned(Guid LedgerId, Guid EmployeeId, Guid GrantId, int Year, int Jp, DateTimeOffset PlannedAt, DateOnly? ContractYear = null)
    : IEmployeeEvent;

public sealed record JpPlanWithdrawn(Guid LedgerId, Guid GrantId, DateTimeOffset WithdrawnAt);

public sealed record JpCompleted(Guid LedgerId, Guid EmployeeId, Guid GrantId, int Year, int Jp, DateTimeOffset CompletedAt, DateOnly? ContractYear = null)
    : IEmployeeEvent;
