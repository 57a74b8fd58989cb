using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

public sealed record NewTrainingGrant(
    int Year,
    string Program,
    string Provider,
    TrainingTrack Track,
    IReadOnlyList<string> CompetencyCodes,
    int PlannedJp,
    long Cost,
    Funding Funding,
    GrantReason Reason);

/// <summary>What the completion report says; a missing actual cost means the planned cost was spent.</summary>
public sealed record CompletionReport(
    DateOnly CompletedOn, int AttendedJp, long? ActualCost, string? CertificateReference, CompetencyLevel? NewCompetencyLevel);

/// <summary>
/// The grant's life: requested, then approved or rejected; an approved grant is scheduled, then
/// completed or cancelled. Money and lesson hours are decided by the budget and the JP ledger.
/// </summary>
public static class TrainingGrantDecisions
{
    public static IReadOnlyList<object> Request(Guid id, Employee employee, NewTrainingGrant input, DateOnly today, DateTimeOffset now)
    {
        if (employee.EndedOn is { } ended && ended <= today)
        {
            throw new DomainRuleViolation("employment-ended", $"Employment of {employee.Nip} ended on {ended:yyyy-MM-dd}.");
        }

        var placement = employee.PlacementOn(today) ?? employee.Placements[0];
        return
        [
            new TrainingGrantRequested(
                id, employee.Id, employee.Nip, employee.EmploymentType, placement.UnitId, placement.UnitCode, input.Year,
                input.Program.Trim(), input.Provider.Trim(), input.Track, input.CompetencyCodes, input.PlannedJp, input.Cost,
                input.Funding, input.Reason, now),
        ];
    }

    /// <summary>Approving again is a retry and changes nothing.</summary>
    public static IReadOnlyList<object> Approve(TrainingGrant grant, string? note, DateTimeOffset now) => grant.Status switch
    {
        GrantStatus.Requested => [new TrainingGrantApproved(grant.Id, note?.Trim(), now)],
        GrantStatus.Approved or GrantStatus.Scheduled or GrantStatus.Completed => [],
        _ => throw Closed(grant),
    };

    public static IReadOnlyList<object> Reject(TrainingGrant grant, string reason, DateTimeOffset now) => grant.Status switch
    {
        GrantStatus.Requested => [new TrainingGrantRejected(grant.Id, reason.Trim(), now)],
        GrantStatus.Rejected when grant.ClosingReason == reason.Trim() => [],
        GrantStatus.Approved or GrantStatus.Scheduled or GrantStatus.Completed =>
            throw new DomainRuleViolation("grant-already-approved", "An approved grant cannot be rejected; cancel it instead."),
        _ => throw Closed(grant),
    };

    public static IReadOnlyList<object> Schedule(TrainingGrant grant, DateOnly startsOn, DateOnly endsOn, DateTimeOffset now)
    {
        switch (grant.Status)
        {
            case GrantStatus.Requested:
                throw NotApproved(grant, "scheduled");
            case not (GrantStatus.Approved or GrantStatus.Scheduled):
                throw Closed(grant);
        }

        if (startsOn.Year != grant.Year)
        {
            throw new DomainRuleViolation("schedule-outside-year", $"The grant belongs to {grant.Year}; it must start in that year.");
        }

        return grant.Schedule == new TrainingSchedule(startsOn, endsOn) ? [] : [new TrainingGrantScheduled(grant.Id, startsOn, endsOn, now)];
    }

    public static IReadOnlyList<object> Complete(TrainingGrant grant, CompletionReport report, DateTimeOffset now)
    {
        var completion = new TrainingCompletion(
            report.CompletedOn, report.AttendedJp, report.ActualCost ?? grant.Cost, report.CertificateReference?.Trim(), report.NewCompetencyLevel);
        switch (grant.Status)
        {
            case GrantStatus.Completed when grant.Completion == completion:
                return [];
            case GrantStatus.Requested:
                throw NotApproved(grant, "completed");
            case GrantStatus.Approved:
                throw new DomainRuleViolation("grant-not-scheduled", "The grant has no schedule yet; schedule it before reporting its completion.");
            case not GrantStatus.Scheduled:
                throw Closed(grant);
        }

        if (completion.NewCompetencyLevel is { } level && !grant.CompetencyCodes.Contains(level.Code))
        {
            throw new DomainRuleViolation("competency-not-developed", $"The grant does not develop {level.Code}: it develops {string.Join(", ", grant.CompetencyCodes)}.");
        }

        if (completion.CompletedOn < grant.Schedule!.StartsOn)
        {
            throw new DomainRuleViolation("completed-before-start", $"The training starts on {grant.Schedule.StartsOn:yyyy-MM-dd}.");
        }

        return
        [
            new TrainingGrantCompleted(grant.Id, completion.CompletedOn, completion.AttendedJp, completion.ActualCost,
                completion.CertificateReference, completion.NewCompetencyLevel, now),
        ];
    }

    public static IReadOnlyList<object> Cancel(TrainingGrant grant, string reason, DateTimeOffset now) => grant.Status switch
    {
        GrantStatus.Requested or GrantStatus.Approved or GrantStatus.Scheduled => [new TrainingGrantCancelled(grant.Id, reason.Trim(), now)],
        GrantStatus.Cancelled when grant.ClosingReason == reason.Trim() => [],
        _ => throw Closed(grant),
    };

    private static DomainRuleViolation NotApproved(TrainingGrant grant, string action) =>
        new("grant-not-approved", $"Grant {grant.Id} is still a request; only an approved grant can be {action}.");

    private static DomainRuleViolation Closed(TrainingGrant grant) =>
        new("grant-closed", $"Grant {grant.Id} is {grant.Status.ToString().ToLowerInvariant()}; it takes no further changes.");
}
