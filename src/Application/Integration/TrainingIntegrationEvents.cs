using Kinerja.Domain.Training;

namespace Kinerja.Application.Integration;

public sealed record GrantApprovedV1(Guid GrantId, Guid EmployeeId, string Nip);

public sealed record GrantCompletedV1(Guid GrantId, Guid EmployeeId, string Nip, DateOnly CompletedOn, int AttendedJp, long ActualCost, string? CertificateReference);

/// <summary>The training module's part of the feed. A request is not published; it tells later events whom the grant concerns.</summary>
public sealed class TrainingIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(TrainingGrantRequested), typeof(TrainingGrantApproved), typeof(TrainingGrantCompleted)];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case TrainingGrantRequested r:
                context.SubjectIs(r.GrantId, new StreamSubject(r.EmployeeId, null));
                return null;
            case TrainingGrantApproved a:
                var approvedFor = (await context.SubjectOf(a.GrantId, ct)).EmployeeId;
                return new IntegrationEventDraft(IntegrationEventTypes.GrantApproved, 1, a.ApprovedAt,
                    new GrantApprovedV1(a.GrantId, approvedFor, await context.NipOf(approvedFor, ct)));
            case TrainingGrantCompleted c:
                var completedBy = (await context.SubjectOf(c.GrantId, ct)).EmployeeId;
                return new IntegrationEventDraft(IntegrationEventTypes.GrantCompleted, 1, c.CompletedAt, new GrantCompletedV1(
                    c.GrantId, completedBy, await context.NipOf(completedBy, ct), c.CompletedOn, c.AttendedJp, c.ActualCost, c.CertificateReference));
            default:
                return null;
        }
    }
}
