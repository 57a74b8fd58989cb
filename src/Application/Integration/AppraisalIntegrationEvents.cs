using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Integration;

public sealed record PlanAgreedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, int PlanVersion, string AgreedBy);

public sealed record CycleClosedV1(Guid CycleId, string ClosedBy);

/// <summary>The final predikat kinerja (the official verdict, not the system's numeric score).</summary>
public sealed record EvaluationFinalisedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string Predikat, string ApprovedBy);

/// <summary>The appraisal module's part of the feed. An opened appraisal is not published; it tells later events whom they concern.</summary>
public sealed class AppraisalIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(AppraisalOpened), typeof(PlanAgreed), typeof(EvaluationApproved), typeof(CycleClosed)];

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
            case EvaluationApproved a:
                var appraised = await context.SubjectOf(a.AppraisalId, ct);
                return new IntegrationEventDraft(IntegrationEventTypes.EvaluationFinalised, 1, a.ApprovedAt, new EvaluationFinalisedV1(
                    appraised.EmployeeId, await context.NipOf(appraised.EmployeeId, ct), appraised.ParentId!.Value, a.AppraisalId, a.Predikat.ToString(), a.By));
            case CycleClosed c:
                return new IntegrationEventDraft(IntegrationEventTypes.CycleClosed, 1, c.ClosedAt, new CycleClosedV1(c.CycleId, c.By));
            default:
                return null;
        }
    }
}
