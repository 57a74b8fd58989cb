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
/// The read model; who drafted or recorded comes from the event's metadata (the acting user). Feedback is not folded
/// here but into the <see cref="AppraisalStanding"/> (docs/decisions/070), so a feedback neither reads nor rewrites this document.
/// Final scores keep the weights pinned at their approval there (ADR 086), so a rebuild leaves closed cycles' scores as they closed.
/// </summary>
internal sealed class AppraisalRecordProjection() : StreamProjection<AppraisalRecord>(AppraisalEventTypes.All.Except(AppraisalStandingProjection.FeedbackTypes))
{
    public override AppraisalRecord Evolve(AppraisalRecord? snapshot, Guid id, IEvent e) => Apply(snapshot, id, e);

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
        (not null, EvaluationSubmitted v) => snapshot with
        {
            Evaluation = new EvaluationRecord(EvaluationStatus.Submitted, v.Results, v.Behaviour, v.RowAssessments, v.Justification, v.Predikat,
                v.PredikatTableVersion, e.Actor(), v.SubmittedAt, snapshot.Evaluation?.Returns ?? [], null, null, v.UnrealisedJustification,
                v is { HeadOfUnit: { } unit, UnitResult: { } result } ? new ResultsFromUnit(unit, result, v.UnitHeadRuleVersion ?? UnitHeadRule.Version) : null),
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
            Evaluation = snapshot.Evaluation! with
            {
                Status = EvaluationStatus.Approved, ApprovedAt = a.ApprovedAt, ApprovedBy = a.By, ScoreWeightsVersion = a.ScoreWeightsVersion,
            },
        },
        (not null, AppraisalExcused x) => snapshot with { Excusal = new Excusal(x.Reason, x.By, x.ExcusedAt) },
        (not null, ExpectationsSet x) => snapshot with { LeaderExpectations = new LeaderExpectations(x.Expectations, x.By, x.SetAt) },
        // Not among the projection's types, so a commit of feedback alone never loads the record; one committed with other events still passes here.
        (not null, FeedbackGiven or PublicFeedbackReceived) => snapshot,
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to appraisal record {id}."),
    };

    private static AppraisalRecord WithVersion(AppraisalRecord record, int version, Func<PlanVersionRecord, PlanVersionRecord> change) =>
        record with { PlanVersions = [.. record.PlanVersions.Select(v => v.Version == version ? change(v) : v)] };
}

/// <summary>
/// The feedback tallies and the score with its inputs (docs/decisions/070). The score is kept with the weights in force, so
/// ranking reads it from an index; new weights take a rebuild.
/// </summary>
internal sealed class AppraisalStandingProjection(ScoreWeights weights) : StreamProjection<AppraisalStanding>(Types)
{
    public static readonly Type[] FeedbackTypes = [typeof(FeedbackGiven), typeof(PublicFeedbackReceived)];

    private static readonly Type[] Types =
    [
        typeof(AppraisalOpened), typeof(PlanDrafted), typeof(PlanAgreed), typeof(RealisationRecorded), typeof(RealisationCorrected),
        .. FeedbackTypes, typeof(EvaluationSubmitted), typeof(EvaluationReturned), typeof(EvaluationApproved), typeof(AppraisalExcused),
    ];

    /// <summary>
    /// Folds a slice (one commit's events for the appraisal, or the appraisal's events in one page of a rebuild) and
    /// computes the score once at its end when any of them moved it: the score depends on this document alone, so once
    /// per slice gives the same document as once per event, without scoring each of a year's realisations in turn.
    /// </summary>
    public override (AppraisalStanding?, ActionType) DetermineAction(AppraisalStanding? snapshot, Guid identity, IReadOnlyList<IEvent> events)
    {
        var moved = false;
        foreach (var e in events)
        {
            snapshot = Apply(snapshot, identity, e);
            moved |= MovesScore(e.Data);
        }

        return snapshot is null ? (null, ActionType.Nothing) : (moved ? snapshot with { Score = snapshot.ScoredWith(weights) } : snapshot, ActionType.Store);
    }

    /// <summary>What the score is computed from: the agreed plan, the realisations, the feedback, and the weights pinned at approval.</summary>
    private static bool MovesScore(object data) =>
        data is PlanAgreed or RealisationRecorded or RealisationCorrected or FeedbackGiven or PublicFeedbackReceived or EvaluationApproved;

    private static AppraisalStanding Apply(AppraisalStanding? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, AppraisalOpened o) => AppraisalStanding.Opened(o),
        (not null, PlanDrafted d) => snapshot with { Drafted = AppraisalStanding.Indicators(d.Plan) },
        (not null, PlanAgreed) => snapshot with { Agreed = snapshot.Drafted },
        (not null, RealisationRecorded r) => snapshot with
        {
            Realisations = [.. snapshot.Realisations, new CurrentRealisation(r.RealisationId, r.IndicatorKey, r.Value, r.AchievedOn, r.RecordedAt)],
        },
        (not null, RealisationCorrected c) => snapshot with
        {
            Realisations =
            [
                .. snapshot.Realisations.Where(x => x.Id != c.CorrectsId),
                new CurrentRealisation(c.RealisationId, c.IndicatorKey, c.Value, c.AchievedOn, c.CorrectedAt),
            ],
        },
        (not null, FeedbackGiven f) => snapshot with { Feedback = FeedbackTallies.Add(snapshot.Feedback, f.Source, f.Scores, f.Comment, f.GivenAt, null, f.Replaces) },
        (not null, PublicFeedbackReceived p) => snapshot with
        {
            Feedback = FeedbackTallies.Add(snapshot.Feedback, FeedbackSource.Public, p.Scores, p.Comment, p.ReceivedAt, p.RespondentGroup, p.Replaces),
            PublicReceived = snapshot.PublicReceived + 1,
        },
        (not null, EvaluationSubmitted v) => snapshot with { EvaluationStatus = EvaluationStatus.Submitted, Predikat = v.Predikat },
        (not null, EvaluationReturned) => snapshot with { EvaluationStatus = EvaluationStatus.Returned },
        (not null, EvaluationApproved a) => snapshot with { EvaluationStatus = EvaluationStatus.Approved, ScoreWeightsVersion = a.ScoreWeightsVersion },
        (not null, AppraisalExcused) => snapshot with { Excused = true },
        // Not among the projection's types (nothing here depends on them), yet passed when committed with some that are.
        (not null, RaterReassigned or PlanSubmitted or PlanReturned) => snapshot,
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to appraisal standing {id}."),
    };
}

/// <summary>
/// One counted response per giver, source and appraisal (docs/decisions/071): a response that replaces its giver's earlier one
/// takes the earlier one's scores and group out of the tallies and is not counted again; its comment joins the latest comments.
/// </summary>
internal static class FeedbackTallies
{
    public static IReadOnlyList<SourceTally> Add(
        IReadOnlyList<SourceTally> tallies, FeedbackSource source, IReadOnlyDictionary<BerAkhlak, int> scores, string? comment, DateTimeOffset at,
        RespondentGroup? group, ReplacedResponse? replaces)
    {
        var tally = tallies.FirstOrDefault(t => t.Source == source) ?? new SourceTally(source, 0, [], [], []);
        var values = tally.Values.ToDictionary(v => v.Value);
        var groups = tally.Groups.ToDictionary(g => g.Group, g => g.Count);
        if (replaces is not null)
        {
            Count(values, groups, replaces.Scores, replaces.Group, -1);
        }

        Count(values, groups, scores, group, +1);
        var updated = tally with
        {
            Count = tally.Count + (replaces is null ? 1 : 0),
            Values = [.. values.Values.Where(v => v.Count > 0).OrderBy(v => v.Value)],
            LatestComments = string.IsNullOrWhiteSpace(comment)
                ? tally.LatestComments
                : [new FeedbackComment(comment, at, group), .. tally.LatestComments.Take(AppraisalRecord.LatestCommentsKept - 1)],
            Groups = [.. groups.Where(x => x.Value > 0).OrderBy(x => x.Key).Select(x => new GroupCount(x.Key, x.Value))],
        };
        return [.. tallies.Where(t => t.Source != source), updated];
    }

    /// <summary>Adds a response's scores and group to the tallies (<paramref name="sign"/> +1) or takes them out (-1).</summary>
    private static void Count(
        Dictionary<BerAkhlak, ValueTally> values, Dictionary<RespondentGroup, int> groups, IReadOnlyDictionary<BerAkhlak, int> scores, RespondentGroup? group, int sign)
    {
        foreach (var (value, score) in scores)
        {
            var current = values.GetValueOrDefault(value) ?? new ValueTally(value, 0, 0);
            values[value] = current with { Count = current.Count + sign, Sum = current.Sum + (sign * score) };
        }

        if (group is { } g)
        {
            groups[g] = groups.GetValueOrDefault(g) + sign;
        }
    }
}
