using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Application.Integration;

public sealed record PlanAgreedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, int PlanVersion, string AgreedBy);

public sealed record CycleClosedV1(Guid CycleId, string ClosedBy);

/// <summary>The final predikat kinerja (the official verdict, not the system's numeric score).</summary>
public sealed record EvaluationFinalisedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string Predikat, string ApprovedBy);

public sealed record AppraisalOpenedV1(
    Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string UnitCode, string RaterNip, string? ApproverNip, DateOnly ResolvedOn);

public sealed record RaterReassignedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string RaterNip, string? ApproverNip, DateOnly ResolvedOn);

public sealed record PlanSubmittedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, int PlanVersion);

/// <summary>The rater's ekspektasi khusus pimpinan, keyed by BerAKHLAK value; replaces any set before.</summary>
public sealed record ExpectationsSetV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, IReadOnlyDictionary<string, string> Expectations, string SetBy);

public sealed record PlanReturnedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, int PlanVersion, string Comments);

public sealed record RealisationRecordedV1(
    Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, Guid RealisationId, string IndicatorKey, decimal Value, DateOnly AchievedOn);

public sealed record RealisationCorrectedV1(
    Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, Guid RealisationId, Guid CorrectsId, string IndicatorKey, decimal Value,
    DateOnly AchievedOn, string Reason);

/// <summary>The rater's proposal; final only once <c>appraisal.evaluation-finalised</c> follows.</summary>
public sealed record EvaluationSubmittedV1(
    Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string Results, string Behaviour, string Predikat, string PredikatTableVersion);

public sealed record EvaluationReturnedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string Comments);

public sealed record AppraisalExcusedV1(Guid EmployeeId, string Nip, Guid CycleId, Guid AppraisalId, string Reason);

public sealed record CycleCreatedV1(
    Guid CycleId, string Name, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, bool AllUnits, IReadOnlyList<string> UnitCodes,
    DateOnly FeedbackOpensOn, DateOnly FeedbackClosesOn);

public sealed record CycleStartedV1(Guid CycleId);

public sealed record CycleEvaluationBeganV1(Guid CycleId, bool Scheduled);

/// <summary>The unit's own result for the cycle; <c>headNip</c> set when it followed the unit head's results rating.</summary>
public sealed record UnitResultRecordedV1(Guid CycleId, string UnitCode, string Result, string? HeadNip, string? HeadResults);

/// <summary>The appraisal module's part of the feed: cycles, appraisals and the units' results.</summary>
public sealed class AppraisalIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(AppraisalOpened), typeof(RaterReassigned), typeof(PlanSubmitted), typeof(PlanReturned), typeof(PlanAgreed),
        typeof(RealisationRecorded), typeof(RealisationCorrected), typeof(EvaluationSubmitted), typeof(EvaluationReturned),
        typeof(EvaluationApproved), typeof(AppraisalExcused), typeof(ExpectationsSet),
        typeof(CycleCreated), typeof(CycleStarted), typeof(CycleEvaluationBegan), typeof(CycleClosed), typeof(UnitResultRecorded),
    ];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case AppraisalOpened o:
                context.SubjectIs(o.AppraisalId, new StreamSubject(o.EmployeeId, o.CycleId));
                return IntegrationEventDraft.V1(IntegrationEventTypes.AppraisalOpened, o.OpenedAt, new AppraisalOpenedV1(
                    o.EmployeeId, await context.NipOf(o.EmployeeId, ct), o.CycleId, o.AppraisalId, o.UnitCode, o.RaterNip, o.ApproverNip, o.ResolvedOn));
            case CycleCreated c:
                return IntegrationEventDraft.V1(IntegrationEventTypes.CycleCreated, c.CreatedAt, new CycleCreatedV1(
                    c.CycleId, c.Name, c.Kind.ToString(), c.PeriodStart, c.PeriodEnd, c.AllUnits, c.UnitCodes, c.FeedbackWindow.OpensOn, c.FeedbackWindow.ClosesOn));
            case CycleStarted s:
                return IntegrationEventDraft.V1(IntegrationEventTypes.CycleStarted, s.StartedAt, new CycleStartedV1(s.CycleId));
            case CycleEvaluationBegan b:
                return IntegrationEventDraft.V1(IntegrationEventTypes.CycleEvaluationBegan, b.BeganAt, new CycleEvaluationBeganV1(b.CycleId, b.Scheduled));
            case CycleClosed c:
                return IntegrationEventDraft.V1(IntegrationEventTypes.CycleClosed, c.ClosedAt, new CycleClosedV1(c.CycleId, c.By.Name));
            case UnitResultRecorded u:
                return IntegrationEventDraft.V1(IntegrationEventTypes.UnitResultRecorded, u.RecordedAt, new UnitResultRecordedV1(
                    u.CycleId, u.UnitCode, u.Result.ToString(), u.HeadNip, u.HeadResults?.ToString()));
            default:
                return await MapAppraisalEvent(domainEvent, context, ct);
        }
    }

    private static async ValueTask<IntegrationEventDraft?> MapAppraisalEvent(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        if (AppraisalOf(domainEvent) is not { } appraisalId)
        {
            return null;
        }

        var subject = await context.SubjectOf(appraisalId, ct);
        var (employee, cycle) = (subject.EmployeeId, subject.ParentId!.Value);
        var nip = await context.NipOf(employee, ct);
        return domainEvent switch
        {
            RaterReassigned r => IntegrationEventDraft.V1(IntegrationEventTypes.RaterReassigned, r.ReassignedAt,
                new RaterReassignedV1(employee, nip, cycle, appraisalId, r.RaterNip, r.ApproverNip, r.ResolvedOn)),
            PlanSubmitted p => IntegrationEventDraft.V1(IntegrationEventTypes.PlanSubmitted, p.SubmittedAt, new PlanSubmittedV1(employee, nip, cycle, appraisalId, p.Version)),
            PlanReturned p => IntegrationEventDraft.V1(IntegrationEventTypes.PlanReturned, p.ReturnedAt, new PlanReturnedV1(employee, nip, cycle, appraisalId, p.Version, p.Comments)),
            PlanAgreed p => IntegrationEventDraft.V1(IntegrationEventTypes.PlanAgreed, p.AgreedAt, new PlanAgreedV1(employee, nip, cycle, appraisalId, p.Version, p.By.Name)),
            RealisationRecorded r => IntegrationEventDraft.V1(IntegrationEventTypes.RealisationRecorded, r.RecordedAt, new RealisationRecordedV1(
                employee, nip, cycle, appraisalId, r.RealisationId, r.IndicatorKey, r.Value, r.AchievedOn)),
            RealisationCorrected r => IntegrationEventDraft.V1(IntegrationEventTypes.RealisationCorrected, r.CorrectedAt, new RealisationCorrectedV1(
                employee, nip, cycle, appraisalId, r.RealisationId, r.CorrectsId, r.IndicatorKey, r.Value, r.AchievedOn, r.Reason)),
            EvaluationSubmitted e => IntegrationEventDraft.V1(IntegrationEventTypes.EvaluationSubmitted, e.SubmittedAt, new EvaluationSubmittedV1(
                employee, nip, cycle, appraisalId, e.Results.ToString(), e.Behaviour.ToString(), e.Predikat.ToString(), e.PredikatTableVersion)),
            EvaluationReturned e => IntegrationEventDraft.V1(IntegrationEventTypes.EvaluationReturned, e.ReturnedAt, new EvaluationReturnedV1(employee, nip, cycle, appraisalId, e.Comments)),
            EvaluationApproved a => IntegrationEventDraft.V1(IntegrationEventTypes.EvaluationFinalised, a.ApprovedAt, new EvaluationFinalisedV1(
                employee, nip, cycle, appraisalId, a.Predikat.ToString(), a.By.Name)),
            AppraisalExcused x => IntegrationEventDraft.V1(IntegrationEventTypes.AppraisalExcused, x.ExcusedAt, new AppraisalExcusedV1(employee, nip, cycle, appraisalId, x.Reason)),
            ExpectationsSet x => IntegrationEventDraft.V1(IntegrationEventTypes.ExpectationsSet, x.SetAt, new ExpectationsSetV1(
                employee, nip, cycle, appraisalId, x.Expectations.ToDictionary(e => e.Key.ToString(), e => e.Value), x.By.Name)),
            _ => null,
        };
    }

    private static Guid? AppraisalOf(object domainEvent) => domainEvent switch
    {
        RaterReassigned e => e.AppraisalId,
        PlanSubmitted e => e.AppraisalId,
        PlanReturned e => e.AppraisalId,
        PlanAgreed e => e.AppraisalId,
        RealisationRecorded e => e.AppraisalId,
        RealisationCorrected e => e.AppraisalId,
        EvaluationSubmitted e => e.AppraisalId,
        EvaluationReturned e => e.AppraisalId,
        EvaluationApproved e => e.AppraisalId,
        AppraisalExcused e => e.AppraisalId,
        ExpectationsSet e => e.AppraisalId,
        _ => null,
    };
}
