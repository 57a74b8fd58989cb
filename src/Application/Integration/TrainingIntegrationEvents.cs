using Kinerja.Domain.Training;

namespace Kinerja.Application.Integration;

public sealed record GrantRequestedV1(Guid GrantId, Guid EmployeeId, string Nip, string UnitCode, int Year, string Program, int PlannedJp, long Cost);

public sealed record GrantApprovedV1(Guid GrantId, Guid EmployeeId, string Nip);

public sealed record GrantRejectedV1(Guid GrantId, Guid EmployeeId, string Nip, string Reason);

public sealed record GrantScheduledV1(Guid GrantId, Guid EmployeeId, string Nip, DateOnly StartsOn, DateOnly EndsOn);

public sealed record GrantCompletedV1(Guid GrantId, Guid EmployeeId, string Nip, DateOnly CompletedOn, int AttendedJp, long ActualCost, string? CertificateReference);

/// <summary>The grant no longer exists: a mirror drops an earlier <c>training.grant-approved</c> or <c>-scheduled</c>.</summary>
public sealed record GrantCancelledV1(Guid GrantId, Guid EmployeeId, string Nip, string Reason);

/// <summary>The training module's part of the feed: every step of a grant, so a mirror's copy follows it to its end.</summary>
public sealed class TrainingIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(TrainingGrantRequested), typeof(TrainingGrantApproved), typeof(TrainingGrantRejected), typeof(TrainingGrantScheduled),
        typeof(TrainingGrantCompleted), typeof(TrainingGrantCancelled),
    ];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        if (domainEvent is TrainingGrantRequested r)
        {
            context.SubjectIs(r.GrantId, new StreamSubject(r.EmployeeId, null));
            return IntegrationEventDraft.V1(IntegrationEventTypes.GrantRequested, r.RequestedAt, new GrantRequestedV1(
                r.GrantId, r.EmployeeId, await context.NipOf(r.EmployeeId, ct), r.UnitCode, r.Year, r.Program, r.PlannedJp, r.Cost));
        }

        if (GrantOf(domainEvent) is not { } grant)
        {
            return null;
        }

        var employee = (await context.SubjectOf(grant, ct)).EmployeeId;
        var nip = await context.NipOf(employee, ct);
        return domainEvent switch
        {
            TrainingGrantApproved a => IntegrationEventDraft.V1(IntegrationEventTypes.GrantApproved, a.ApprovedAt, new GrantApprovedV1(grant, employee, nip)),
            TrainingGrantRejected x => IntegrationEventDraft.V1(IntegrationEventTypes.GrantRejected, x.RejectedAt, new GrantRejectedV1(grant, employee, nip, x.Reason)),
            TrainingGrantScheduled s => IntegrationEventDraft.V1(IntegrationEventTypes.GrantScheduled, s.ScheduledAt, new GrantScheduledV1(grant, employee, nip, s.StartsOn, s.EndsOn)),
            TrainingGrantCompleted c => IntegrationEventDraft.V1(IntegrationEventTypes.GrantCompleted, c.CompletedAt, new GrantCompletedV1(
                grant, employee, nip, c.CompletedOn, c.AttendedJp, c.ActualCost, c.CertificateReference)),
            TrainingGrantCancelled x => IntegrationEventDraft.V1(IntegrationEventTypes.GrantCancelled, x.CancelledAt, new GrantCancelledV1(grant, employee, nip, x.Reason)),
            _ => null,
        };
    }

    private static Guid? GrantOf(object domainEvent) => domainEvent switch
    {
        TrainingGrantApproved e => e.GrantId,
        TrainingGrantRejected e => e.GrantId,
        TrainingGrantScheduled e => e.GrantId,
        TrainingGrantCompleted e => e.GrantId,
        TrainingGrantCancelled e => e.GrantId,
        _ => null,
    };
}
