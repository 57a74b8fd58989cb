using Kinerja.Domain.Cycles;

namespace Kinerja.Domain.Appraisals;

public sealed record NewRealisation(Guid Id, string IndicatorKey, decimal Value, Evidence Evidence, DateOnly AchievedOn);

/// <summary>Who gives internal feedback, and how the registry relates them to the ratee on the cycle's reference date.</summary>
public sealed record FeedbackGiver(Guid Id, bool IsPeer, bool IsSubordinate);

/// <param name="RespondentId">The portal's own id of the respondent, when it names one: a later response with the same id replaces the earlier one in the tallies.</param>
/// <param name="PersonalNames">Names in the comment the portal marks as personal (a student's, a parent's): masked before it is stored.</param>
public sealed record NewPublicFeedback(
    string SubmissionId, RespondentGroup Group, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment, string? RespondentId = null,
    IReadOnlyList<string>? PersonalNames = null);

/// <summary>Realisations (realisasi with bukti dukung) and continuous feedback during the period.</summary>
public static partial class AppraisalDecisions
{
    private static readonly CyclePhase[] WorkPhases = [CyclePhase.InProgress, CyclePhase.Evaluation];

    public static IReadOnlyList<object> RecordRealisation(Appraisal appraisal, AppraisalCycle cycle, NewRealisation input, DateOnly today, DateTimeOffset now)
    {
        EnsureRealisable(appraisal, cycle, input, today);
        return [new RealisationRecorded(appraisal.Id, input.Id, input.IndicatorKey, input.Value, input.Evidence, input.AchievedOn, now)];
    }

    /// <summary>A correction names the realisation it supersedes, never overwrites it; only the current one of a chain can be corrected.</summary>
    public static IReadOnlyList<object> CorrectRealisation(
        Appraisal appraisal, AppraisalCycle cycle, Guid correctsId, NewRealisation input, string reason, DateOnly today, DateTimeOffset now)
    {
        if (!appraisal.Realisations.TryGetValue(correctsId, out var corrected))
        {
            throw new DomainRuleViolation("unknown-realisation", $"There is no realisation {correctsId} in this appraisal.");
        }

        if (corrected.Superseded)
        {
            throw new DomainRuleViolation("realisation-superseded", "That realisation was already corrected; correct the latest one.");
        }

        if (corrected.IndicatorKey != input.IndicatorKey)
        {
            throw new DomainRuleViolation("realisation-indicator-changed", "A correction is for the same indicator as the realisation it corrects.");
        }

        EnsureRealisable(appraisal, cycle, input, today);
        return [new RealisationCorrected(appraisal.Id, input.Id, correctsId, input.IndicatorKey, input.Value, input.Evidence, input.AchievedOn, reason.Trim(), now)];
    }

    public static IReadOnlyList<object> GiveFeedback(
        Appraisal appraisal, AppraisalCycle cycle, Guid id, FeedbackSource source, FeedbackGiver giver,
        IReadOnlyDictionary<BerAkhlak, int> scores, string? comment, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Giving feedback", WorkPhases);
        EnsureScores(scores);
        if (source == FeedbackSource.Supervisor)
        {
            EnsureNotRatee(appraisal, giver.Id);
        }

        var fits = source switch
        {
            FeedbackSource.Supervisor => giver.Id == appraisal.RaterId,
            FeedbackSource.Self => giver.Id == appraisal.EmployeeId,
            FeedbackSource.Peer => giver.IsPeer && giver.Id != appraisal.EmployeeId,
            FeedbackSource.Subordinate => giver.IsSubordinate && giver.Id != appraisal.EmployeeId,
            _ => false,
        };
        return fits
            ? [new FeedbackGiven(appraisal.Id, id, source, giver.Id, scores, comment?.Trim(), now,
                appraisal.CountedResponses.GetValueOrDefault(Feedback.GiverKey(source, giver.Id)))]
            : throw new DomainRuleViolation("feedback-source-mismatch", $"The giver is not the ratee's {source} (as the registry has it on the cycle's reference date).");
    }

    /// <summary>
    /// A submission id seen before is a retry: nothing is appended and the first answer stands, even after the window closed.
    /// A response from a respondent the portal named before replaces their earlier one in the tallies (docs/decisions/071).
    /// Personal data in the comment is masked before it is stored (<see cref="CommentMasking"/>).
    /// </summary>
    public static IReadOnlyList<object> ReceivePublicFeedback(
        PublicFeedbackLedger ledger, AppraisalCycle cycle, NewPublicFeedback input, int cap, DateOnly today, DateTimeOffset now)
    {
        if (ledger.Submissions.ContainsKey(input.SubmissionId))
        {
            return [];
        }

        CycleDecisions.EnsureOpen(cycle);
        if (!cycle.FeedbackWindow.Contains(today))
        {
            throw new DomainRuleViolation("outside-feedback-window",
                $"Public feedback is received from {cycle.FeedbackWindow.OpensOn:yyyy-MM-dd} to {cycle.FeedbackWindow.ClosesOn:yyyy-MM-dd} (WIT).");
        }

        if (ledger.Received >= cap)
        {
            throw new DomainRuleViolation("public-feedback-limit-reached", $"This appraisal has received the most public feedback it accepts ({cap}).");
        }

        EnsureScores(input.Scores);
        var respondent = input.RespondentId is { } id ? Feedback.Respondent(ledger.AppraisalId, id) : null;
        var replaces = respondent is null ? null : ledger.Respondents.GetValueOrDefault(respondent);
        var comment = CommentMasking.Mask(input.Comment?.Trim(), input.PersonalNames);
        return
        [
            new PublicFeedbackReceived(ledger.AppraisalId, input.SubmissionId, input.Group, input.Scores, comment.Text, now, respondent, replaces,
                comment.Kinds.Count > 0 ? comment.Kinds : null, comment.Kinds.Count > 0 ? CommentMasking.Version : null),
        ];
    }

    private static void EnsureRealisable(Appraisal appraisal, AppraisalCycle cycle, NewRealisation input, DateOnly today)
    {
        CycleDecisions.EnsurePhase(cycle, "Recording a realisation", WorkPhases);
        if (!appraisal.AgreedIndicators.Contains(input.IndicatorKey))
        {
            throw new DomainRuleViolation("indicator-not-agreed", $"Indicator {input.IndicatorKey} is not in the agreed plan.");
        }

        if (!cycle.Covers(input.AchievedOn))
        {
            throw new DomainRuleViolation("achieved-outside-period", $"{input.AchievedOn:yyyy-MM-dd} is outside the cycle's period.");
        }

        if (input.AchievedOn > today)
        {
            throw new DomainRuleViolation("achieved-in-future", $"{input.AchievedOn:yyyy-MM-dd} has not come yet (WIT).");
        }
    }

    private static void EnsureScores(IReadOnlyDictionary<BerAkhlak, int> scores)
    {
        if (Feedback.ScoresProblem(scores) is { } problem)
        {
            throw new DomainRuleViolation("feedback-scores-invalid", problem.English);
        }
    }
}
