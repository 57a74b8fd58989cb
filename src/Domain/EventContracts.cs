namespace Kinerja.Domain;

/// <summary>An event that concerns one employee, in whatever stream it lives: the audit trail gathers them.</summary>
public interface IEmployeeEvent
{
    Guid EmployeeId { get; }
}

/// <summary>
/// An event whose fact takes effect on a calendar date that may differ from when it was recorded
/// (a back-dated transfer, a late evaluation): auditors see both.
/// </summary>
public interface IEffectiveDated
{
    DateOnly EffectiveDate { get; }
}
