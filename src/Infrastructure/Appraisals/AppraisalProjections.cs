using JasperFx.Events;
using JasperFx.Events.Daemon;
using Kinerja.Application.Appraisals;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Kinerja.Infrastructure.Common;

namespace Kinerja.Infrastructure.Appraisals;

internal static class AppraisalEventTypes
{
    public static readonly Type[] All =
    [
        typeof(AppraisalOpened), typeof(RaterReassigned), typeof(PlanDrafted), typeof(PlanSubmitted), typeof(PlanReturned), typeof(PlanAgreed),
        typeof(RealisationRecorded), typeof(RealisationCorrected), typeof(FeedbackGiven), typeof(PublicFeedbackReceived),
        typeof(EvaluationSubmitted), typeof(EvaluationReturned), typeof(EvaluationApproved), typeof(AppraisalExcused),
        typeof(ExpectationsSet),
    ];
}

/// <summary>The decision state, bridged to the pure Domain.Evolve.</summary>
internal sealed class AppraisalStateProjection() : StreamProjection<Appraisal>(AppraisalEventTypes.All)
{
    public override Appraisal Evolve(Appraisal? snapshot, Guid id, IEvent e) => Appraisal.Evolve(snapshot, e.Data);
}

/// <summary>
/// The read model; who drafted or recorded comes from the event's metadata (the acting user). The score is
/// kept with the weights in force, so ranking reads it from an index; new weights take a rebuild.
/// </summary>
internal sealed class AppraisalRecordProjection(ScoreWeights weights) : StreamProjection<AppraisalRecord>(AppraisalEventTypes.All)
{
    /// <summary>
    /// Folds a slice (one commit's events for the appraisal, or the appraisal's events in one page of a rebuild) and
    /// computes the score once at its end when any of them moved it: the score depends on the record alone, so once
    /// per slice gives the same document as once per event, without scoring each of a year's realisations in turn.
    /// </summary>
    public override (AppraisalRecord?, ActionType) DetermineAction(AppraisalRecord? snapshot, Guid identity, IReadOnlyList<IEvent> events)
    {
        var moved = false;
        foreach (var e in events)
        {
            snapshot = Apply(snapshot, identity, e);
            moved |= MovesScore(e.Data);
        }

        return snapshot is null ? (null, ActionType.Nothing) : (moved ? snapshot with { Score = snapshot.ScoredWith(weights) } : snapshot, ActionType.Store);
    }

    /// <summary>What the score is computed from: the agreed plan, the realisations and the feedback.</summary>
    private static bool MovesScore(object data) =>
        data is PlanAgreed or RealisationRecorded or RealisationCorrected or FeedbackGiven or PublicFeedbackReceived;

    private static AppraisalRecord Apply(AppraisalRecord? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, AppraisalOpened o) => new AppraisalRecord(
            o.AppraisalId, o.CycleId, o.EmployeeId, o.Nip, o.UnitCode, o.RaterId, o.RaterNip, o.ApproverId, o.ApproverNip, o.ResolvedOn, [], [], [], o.OpenedAt),
        (not null, RaterReassigned r) => snapshot with
        {
            RaterId = r.RaterId, RaterNip = r.RaterNip, ApproverId = r.ApproverId, ApproverNip = r.ApproverNip, RaterResolvedOn = r.ResolvedOn,
        },
        (not null, PlanDrafted d) => snapshot.PlanVersions.Any(v => v.Version == d.Version)
            ? WithVersion(snapshot, d.Version, v => v with { Status = PlanStatus.Draft, Plan = d.Plan, DraftedAt = d.DraftedAt, DraftedBy = e.Actor() })
            : snapshot with { PlanVersions = [.. snapshot.PlanVersions, new PlanVersionRecord(d.Version, PlanStatus.Draft, d.Plan, d.DraftedAt, e.Actor(), null, [], null, null)] },
        (not null, PlanSubmitted s) => WithVersion(snapshot, s.Version, v => v with { Status = PlanStatus.Submitted, SubmittedAt = s.SubmittedAt }),
        (not null, PlanReturned r) => WithVersion(snapshot, r.Version, v => v with
        {
            Status = PlanStatus.Returned, Returns = [.. v.Returns, new PlanReturn(r.Comments, r.By, r.ReturnedAt)],
        }),
        (not null, PlanAgreed a) => WithVersion(snapshot, a.Version, v => v with { Status = PlanStatus.Agreed, AgreedAt = a.AgreedAt, AgreedBy = a.By }),
        (not null, RealisationRecorded r) => snapshot with
        {
            Realisations = [.. snapshot.Realisations, new RealisationEntry(r.RealisationId, r.IndicatorKey, r.Value, r.Evidence, r.AchievedOn, r.RecordedAt, e.Actor(), null, null, null)],
        },
        (not null, RealisationCorrected c) => snapshot with
        {
            Realisations =
            [
                .. snapshot.Realisations.Select(x => x.Id == c.CorrectsId ? x with { CorrectedBy = c.RealisationId } : x),
                new RealisationEntry(c.RealisationId, c.IndicatorKey, c.Value, c.Evidence, c.AchievedOn, c.CorrectedAt, e.Actor(), c.CorrectsId, c.Reason, null),
            ],
        },
        (not null, FeedbackGiven f) => FeedbackTallies.Add(snapshot, f.Source, f.Scores, f.Comment, f.GivenAt, null),
        (not null, PublicFeedbackReceived p) => FeedbackTallies.Add(snapshot, FeedbackSource.Public, p.Scores, p.Comment, p.ReceivedAt, p.RespondentGroup),
        (not null, EvaluationSubmitted v) => snapshot with
        {
            Evaluation = new EvaluationRecord(EvaluationStatus.Submitted, v.Results, v.Behaviour, v.RowAssessments, v.Justification, v.Predikat,
                v.PredikatTableVersion, e.Actor(), v.SubmittedAt, snapshot.Evaluation?.Returns ?? [], null, null),
        },
        (not null, EvaluationReturned r) => snapshot with
        {
            Evaluation = snapshot.Evaluation! with
            {
                Status = EvaluationStatus.Returned, Returns = [.. snapshot.Evaluation.Returns, new EvaluationReturn(r.Comments, r.By, r.ReturnedAt)],
            },
        },
        (not null, EvaluationApproved a) => snapshot with
        {
            Evaluation = snapshot.Evaluation! with { Status = EvaluationStatus.Approved, ApprovedAt = a.ApprovedAt, ApprovedBy = a.By },
        },
        (not null, AppraisalExcused x) => snapshot with { Excusal = new Excusal(x.Reason, x.By, x.ExcusedAt) },
        (not null, ExpectationsSet x) => snapshot with { LeaderExpectations = new LeaderExpectations(x.Expectations, x.By, x.SetAt) },
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to appraisal record {id}."),
    };

    private static AppraisalRecord WithVersion(AppraisalRecord record, int version, Func<PlanVersionRecord, PlanVersionRecord> change) =>
        record with { PlanVersions = [.. record.PlanVersions.Select(v => v.Version == version ? change(v) : v)] };
}

internal static class FeedbackTallies
{
    public static AppraisalRecord Add(
        AppraisalRecord record, FeedbackSource source, IReadOnlyDictionary<BerAkhlak, int> scores, string? comment, DateTimeOffset at, RespondentGroup? group)
    {
        var tally = record.Feedback.FirstOrDefault(t => t.Source == source) ?? new SourceTally(source, 0, [], [], []);
        var values = tally.Values.ToDictionary(v => v.Value);
        foreach (var (value, score) in scores)
        {
            var current = values.GetValueOrDefault(value) ?? new ValueTally(value, 0, 0);
            values[value] = current with { Count = current.Count + 1, Sum = current.Sum + score };
        }

        var groups = tally.Groups.ToDictionary(g => g.Group, g => g.Count);
        if (group is { } g)
        {
            groups[g] = groups.GetValueOrDefault(g) + 1;
        }

        var updated = tally with
        {
            Count = tally.Count + 1,
            Values = [.. values.Values.OrderBy(v => v.Value)],
            LatestComments = string.IsNullOrWhiteSpace(comment)
                ? tally.LatestComments
                : [new FeedbackComment(comment, at, group), .. tally.LatestComments.Take(AppraisalRecord.LatestCommentsKept - 1)],
            Groups = [.. groups.OrderBy(x => x.Key).Select(x => new GroupCount(x.Key, x.Value))],
        };
        return record with { Feedback = [.. record.Feedback.Where(t => t.Source != source), updated] };
    }
}
