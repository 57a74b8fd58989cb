using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Integration;

public sealed record PlanAgreedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, int PlanVersion, string AgreedBy);

public sealed record CycleClosedV1(Guid CycleId, string ClosedBy);

/// <summary>The appraisal module's part of the feed. An opened appraisal is not published; it tells later events whom they concern.</summary>
public sealed class AppraisalIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(AppraisalOpened), typeof(PlanAgreed), typeof(CycleClosed)];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case AppraisalOpened o:
                context.SubjectIs(o.AppraisalId, new StreamSubject(o.EmployeeId, o.CycleId));
                return null;
            case PlanAgreed p:
                var subject = await context.SubjectOf(p.AppraisalId, ct);
                return new IntegrationEventDraft(IntegrationEventTypes.PlanAgreed, 1, p.AgreedAt, new PlanAgreedV1(
                    subject.EmployeeId, await context.NipOf(subject.EmployeeId, ct), subject.ParentId!.Value, p.AppraisalId, p.Version, p.By));
            case CycleClosed c:
                return new IntegrationEventDraft(IntegrationEventTypes.CycleClosed, 1, c.ClosedAt, new CycleClosedV1(c.CycleId, c.By));
            default:
                return null;
        }
    }
}
