using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

/// <summary>A training grant as its decisions see it: what it costs, whom it serves, and where it stands.</summary>
public sealed record TrainingGrant(
    Guid Id,
    Guid EmployeeId,
    EmploymentType EmploymentType,
    string UnitCode,
    int Year,
    IReadOnlyList<string> CompetencyCodes,
    int PlannedJp,
    long Cost,
    Funding Funding,
    GrantStatus Status,
    TrainingSchedule? Schedule,
    TrainingCompletion? Completion,
    string? ClosingReason)
{
    public bool DrawsOnBudget => Funding.Source == FundingSource.UnitBudget;

    /// <summary>Approved and not yet completed: its lesson hours are planned and, when unit-funded, its cost reserved.</summary>
    public bool IsCommitted => Status is GrantStatus.Approved or GrantStatus.Scheduled;

    public static TrainingGrant Evolve(TrainingGrant? state, object @event) => (state, @event) switch
    {
        (null, TrainingGrantRequested e) => new TrainingGrant(
            e.GrantId, e.EmployeeId, e.EmploymentType, e.UnitCode, e.Year, e.CompetencyCodes, e.PlannedJp, e.Cost, e.Funding,
            GrantStatus.Requested, null, null, null),
        (not null, TrainingGrantApproved) => state with { Status = GrantStatus.Approved },
        (not null, TrainingGrantRejected e) => state with { Status = GrantStatus.Rejected, ClosingReason = e.Reason },
        (not null, TrainingGrantScheduled e) => state with { Status = GrantStatus.Scheduled, Schedule = new TrainingSchedule(e.StartsOn, e.EndsOn) },
        (not null, TrainingGrantCompleted e) => state with
        {
            Status = GrantStatus.Completed,
            Completion = new TrainingCompletion(e.CompletedOn, e.AttendedJp, e.ActualCost, e.CertificateReference, e.NewCompetencyLevel),
        },
        (not null, TrainingGrantCancelled e) => state with { Status = GrantStatus.Cancelled, ClosingReason = e.Reason },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to training grant {(state is null ? "before its request" : state.Id)}."),
    };
}
