using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Domain.Appraisals;

/// <param name="UnrealisedJustification">Why the results are above expectations although nothing was realised; needed only then.</param>
public sealed record NewEvaluation(
    Rating Results, Rating Behaviour, IReadOnlyList<RowAssessment> RowAssessments, string Justification, string? UnrealisedJustification = null);

/// <summary>Penilaian: the rater evaluates in the evaluation phase, the rater's superior approves or returns; approval is final.</summary>
public static partial class AppraisalDecisions
{
    /// <param name="headed">The unit the employee headed as the period closed: their results rating then follows its result.</param>
    public static IReadOnlyList<object> Evaluate(
        Appraisal appraisal, AppraisalCycle cycle, NewEvaluation input, PredikatTable table, Guid evaluatorId, DateTimeOffset now, HeadedUnit? headed = null)
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

        // A unit head's results rest on the unit's result; anyone else's "di atas" rests on realisations or a reason of its own.
        string? unrealised = null;
        if (headed is not null)
        {
            EnsureResultsFollowUnit(headed, input.Results);
        }
        else
        {
            unrealised = EnsureResultsBasis(appraisal, input);
        }

        return
        [
            new EvaluationSubmitted(appraisal.Id, input.Results, input.Behaviour,
                [.. input.RowAssessments.Select(r => r with { Assessment = r.Assessment.Trim() })], input.Justification.Trim(),
                table.For(input.Results, input.Behaviour), table.Version, evaluatorId, now,
                unrealised, headed?.UnitCode, headed?.Result, headed is null ? null : UnitHeadRule.Version),
        ];
    }

    /// <summary>PermenPANRB 6/2022: a unit head's rating hasil kerja is their unit's result, so an evaluation that says otherwise is refused.</summary>
    private static void EnsureResultsFollowUnit(HeadedUnit headed, Rating results)
    {
        if (headed.Result is not { } unitResult)
        {
            throw new DomainRuleViolation("unit-result-missing",
                $"The employee heads {headed.UnitCode}, so their rating hasil kerja is the unit's result for this cycle, and none is recorded: "
                + $"the leader of the next-higher unit records it first (POST /cycles/{{cycleId}}/units/{headed.UnitCode}/result).",
                new Dictionary<string, object> { ["unitCode"] = headed.UnitCode });
        }

        var expected = UnitHeadRule.RatingFor(unitResult);
        if (results != expected)
        {
            throw new DomainRuleViolation("results-follow-unit-result",
                $"The employee heads {headed.UnitCode}, whose result for this cycle is {unitResult}: their rating hasil kerja is {expected} "
                + $"({UnitHeadRule.Version}). Evaluate with results {expected}; a different result is the next-higher unit's to record.",
                new Dictionary<string, object> { ["unitCode"] = headed.UnitCode, ["unitResult"] = unitResult.ToString(), ["expectedResults"] = expected.ToString() });
        }
    }

    /// <summary>"Di atas" with nothing realised rests on no recorded result, so it needs a written reason of its own.</summary>
    /// <returns>The trimmed reason when one was needed, otherwise null.</returns>
    private static string? EnsureResultsBasis(Appraisal appraisal, NewEvaluation input)
    {
        if (input.Results != Rating.DiAtasEkspektasi || appraisal.Realisations.Values.Any(r => !r.Superseded && appraisal.AgreedIndicators.Contains(r.IndicatorKey)))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(input.UnrealisedJustification)
            ? throw new DomainRuleViolation("above-without-realisation",
                "Results are rated DiAtasEkspektasi but no realisation of the agreed plan is recorded. Record the realisations first, "
                + "or give unrealisedJustification saying what the results above expectations rest on.")
            : input.UnrealisedJustification.Trim();
    }

    /// <summary>A repeated approval of a final evaluation changes nothing, as long as the cycle is open.</summary>
    /// <param name="weightsVersion">The score weights in force, pinned on the final score.</param>
    public static IReadOnlyList<object> ApproveEvaluation(Appraisal appraisal, AppraisalCycle cycle, Actor by, DateTimeOffset now, string? weightsVersion = null)
    {
        CycleDecisions.EnsurePhase(cycle, "Approving an evaluation", CyclePhase.Evaluation);
        return appraisal.EvaluationStatus switch
        {
            EvaluationStatus.Approved => [],
            EvaluationStatus.Submitted => [new EvaluationApproved(appraisal.Id, appraisal.Predikat!.Value, by, now, weightsVersion)],
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
