namespace Kinerja.Domain.Training;

/// <summary>JP (jam pelajaran, lesson hours) an approved grant commits the employee to; counted in the grant's year.</summary>
public sealed record JpPlanned(Guid LedgerId, Guid EmployeeId, Guid GrantId, int Year, int Jp, DateTimeOffset PlannedAt) : IEmployeeEvent;

public sealed record JpPlanWithdrawn(Guid LedgerId, Guid GrantId, DateTimeOffset WithdrawnAt);

public sealed record JpCompleted(Guid LedgerId, Guid EmployeeId, Guid GrantId, int Year, int Jp, DateTimeOffset CompletedAt) : IEmployeeEvent;
