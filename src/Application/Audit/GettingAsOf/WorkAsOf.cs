using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Audit.GettingAsOf;

public sealed record EvaluationAsOf(EvaluationStatus Status, Rating Results, Rating Behaviour, Predikat Predikat, string PredikatTableVersion, DateTimeOffset SubmittedAt);

/// <summary>
/// An appraisal as recorded by then: the cycle as it stood, the plan version agreed, the evaluation and any excusal; the progress against
/// the agreed targets, every realisation, the feedback tallied per source, the score and the unit's own result, folded by the read models'
/// own projections from the events recorded by then. <see cref="LatestPlanVersion"/> and <see cref="AgreedPlanVersion"/> are null while there
/// is no such version (versions start at 1).
/// </summary>
public sealed record AppraisalAsOf(
    Guid AppraisalId, Guid CycleId, string? CycleName, DateOnly? PeriodStart, DateOnly? PeriodEnd, CyclePhase? CyclePhase, string RaterNip,
    string? ApproverNip, int? LatestPlanVersion, PlanStatus? PlanStatus, int? AgreedPlanVersion, EvaluationAsOf? Evaluation, bool Excused,
    string? ExcusalReason, long Version, string? UnitCode = null, IReadOnlyList<IndicatorProgress>? Progress = null,
    IReadOnlyList<RealisationEntry>? Realisations = null, IReadOnlyList<SourceSummary>? Feedback = null, PerformanceScore? Score = null,
    UnitResultAsOf? UnitResult = null);

/// <summary>The unit's own result in the cycle as recorded by then; <see cref="Reason"/> when hr-admin recorded it for the leader.</summary>
public sealed record UnitResultAsOf(string UnitCode, UnitResult Result, Domain.Actor RecordedBy, DateTimeOffset RecordedAt, string? Reason);

public sealed record TrainingGrantAsOf(
    Guid GrantId, int Year, string Program, string Provider, GrantStatus Status, int PlannedJp, long Cost, Funding Funding,
    TrainingCompletion? Completion, string? ClosingReason, long Version);

/// <summary>Replays appraisal and training streams with the Domain's own evolve functions, never the read models.</summary>
internal static class WorkAsOf
{
    public static AppraisalAsOf Appraisal(IReadOnlyList<RecordedEvent> stream, IReadOnlyList<RecordedEvent> cycleEvents)
    {
        var state = stream.Aggregate((Appraisal?)null, (s, e) => Domain.Appraisals.Appraisal.Evolve(s, e.Data))!;
        var cycle = cycleEvents.Count == 0 ? null : cycleEvents.Aggregate((AppraisalCycle?)null, (s, e) => AppraisalCycle.Evolve(s, e.Data));
        var (raterNip, approverNip) = stream.Select(e => e.Data).Aggregate(("", (string?)null), (who, data) => data switch
        {
            AppraisalOpened o => (o.RaterNip, o.ApproverNip),
            RaterReassigned r => (r.RaterNip, r.ApproverNip),
            _ => who,
        });
        var evaluation = state.EvaluationStatus is { } status && stream.Select(e => e.Data).OfType<EvaluationSubmitted>().LastOrDefault() is { } v
            ? new EvaluationAsOf(status, v.Results, v.Behaviour, v.Predikat, v.PredikatTableVersion, v.SubmittedAt)
            : null;
        return new AppraisalAsOf(state.Id, state.CycleId, cycleEvents.Select(e => e.Data).OfType<CycleCreated>().FirstOrDefault()?.Name,
            cycle?.PeriodStart, cycle?.PeriodEnd, cycle?.Phase, raterNip, approverNip, Version(state.PlanVersion), state.PlanStatus, Version(state.AgreedVersion),
            evaluation, state.Excused, stream.Select(e => e.Data).OfType<AppraisalExcused>().LastOrDefault()?.Reason, stream[^1].Version);
    }

    private static int? Version(int version) => version > 0 ? version : null;

    /// <summary>
    /// An evaluation takes effect at the end of its cycle's period: one recorded more than <paramref name="lateAfterDays"/>
    /// days after that is marked like a back-dated entry.
    /// </summary>
    public static IEnumerable<AuditEntry> LateEvaluations(IReadOnlyList<RecordedEvent> stream, DateOnly? periodEnd, int lateAfterDays) =>
        periodEnd is not { } end ? [] : stream
            .Where(e => e.Data is EvaluationSubmitted or EvaluationApproved)
            .Select(e => (Entry: AuditEntry.From(e), Days: RecordedOn(e).DayNumber - end.DayNumber))
            .Where(x => x.Days > lateAfterDays)
            .Select(x => x.Entry with { EffectiveOn = end, DaysBackDated = x.Days });

    public static TrainingGrantAsOf Grant(IReadOnlyList<RecordedEvent> stream)
    {
        var grant = stream.Aggregate((TrainingGrant?)null, (s, e) => TrainingGrant.Evolve(s, e.Data))!;
        var request = (TrainingGrantRequested)stream[0].Data;
        return new TrainingGrantAsOf(grant.Id, grant.Year, request.Program, request.Provider, grant.Status, grant.PlannedJp, grant.Cost, grant.Funding,
            grant.Completion, grant.ClosingReason, stream[^1].Version);
    }

    public static IReadOnlyList<JpEntry> Jp(IReadOnlyList<RecordedEvent> stream) =>
        stream.Aggregate((JpLedger?)null, (s, e) => JpLedger.Evolve(s, e.Data))?.Entries ?? [];

    private static DateOnly RecordedOn(RecordedEvent e) => DateOnly.FromDateTime(e.RecordedAt.ToOffset(Wit.Offset).DateTime);
}
