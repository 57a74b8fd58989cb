using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Domain.Appraisals;

public sealed record NewEvaluation(Rating Results, Rating Behaviour, IReadOnlyList<RowAssessment> RowAssessments, string Justification);

/// <summary>Penilaian: the rater evaluates in the evaluation phase, the rater's superior approves or returns; approval is final.</summary>
public static partial class AppraisalDecisions
{
    public static IReadOnlyList<object> Evaluate(
        Appraisal appraisal, AppraisalCycle cycle, NewEvaluation input, PredikatTable table, Guid evaluatorId, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Evaluating", CyclePhase.Evaluation);
        EnsureNotRatee(appraisal, evaluatorId);
        if (appraisal.AgreedVersion == 0)
        {
            throw new DomainRuleViolation("plan-not-agreed", "An appraisal is evaluated against an agreed plan; none was agreed.");
        }

        EnsureNotFinal(appraisal);
        EnsureNotExcused(appraisal);
        if (appraisal.EvaluationStatus == EvaluationStatus.Submitted)
        {
            throw new DomainRuleViolation("evaluation-awaiting-approval", "The evaluation is with the approver; it can change once returned.");
        }

        if (input.RowAssessments.FirstOrDefault(r => appraisal.LatestPlan?.HasRow(r.RowKey) != true) is { } unknown)
        {
            throw new DomainRuleViolation("unknown-plan-row", $"Row {unknown.RowKey} is not in the plan.");
        }

        return
        [
            new EvaluationSubmitted(appraisal.Id, input.Results, input.Behaviour,
                [.. input.RowAssessments.Select(r => r with { Assessment = r.Assessment.Trim() })], input.Justification.Trim(),
                table.For(input.Results, input.Behaviour), table.Version, evaluatorId, now),
        ];
    }

    /// <summary>A repeated approval of a final evaluation changes nothing, as long as the cycle is open.</summary>
    public static IReadOnlyList<object> ApproveEvaluation(Appraisal appraisal, AppraisalCycle cycle, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Approving an evaluation", CyclePhase.Evaluation);
        return appraisal.EvaluationStatus switch
        {
            EvaluationStatus.Approved => [],
            EvaluationStatus.Submitted => [new EvaluationApproved(appraisal.Id, appraisal.Predikat!.Value, by, now)],
            _ => throw NotSubmittedEvaluation(),
        };
    }

    public static IReadOnlyList<object> ReturnEvaluation(Appraisal appraisal, AppraisalCycle cycle, string comments, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Returning an evaluation", CyclePhase.Evaluation);
        EnsureNotFinal(appraisal);
        return appraisal.EvaluationStatus switch
        {
            EvaluationStatus.Submitted => [new EvaluationReturned(appraisal.Id, comments.Trim(), by, now)],
            EvaluationStatus.Returned => [],
            _ => throw NotSubmittedEvaluation(),
        };
    }

    /// <summary>Excused from evaluation (e.g. long leave): the cycle may close without it. A repeat changes nothing.</summary>
    public static IReadOnlyList<object> Excuse(Appraisal appraisal, AppraisalCycle cycle, string reason, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        EnsureNotFinal(appraisal);
        return appraisal.Excused ? [] : [new AppraisalExcused(appraisal.Id, reason.Trim(), by, now)];
    }

    private static void EnsureNotExcused(Appraisal appraisal)
    {
        if (appraisal.Excused)
        {
            throw new DomainRuleViolation("appraisal-excused", "The appraisal was excused from evaluation.");
        }
    }

    private static void EnsureNotFinal(Appraisal appraisal)
    {
        if (appraisal.EvaluationStatus == EvaluationStatus.Approved)
        {
            throw new DomainRuleViolation("evaluation-final", "The evaluation was approved and is final.");
        }
    }

    private static DomainRuleViolation NotSubmittedEvaluation() => new("evaluation-not-submitted", "There is no evaluation awaiting approval.");
}
