using Kinerja.Domain.Cycles;

namespace Kinerja.Domain.Appraisals;

/// <summary>The SKP and its dialog kinerja: draft, submit, return or agree; an agreed version never changes.</summary>
public static partial class AppraisalDecisions
{
    private static readonly CyclePhase[] PlanPhases = [CyclePhase.Planning, CyclePhase.InProgress];

    public static IReadOnlyList<object> DraftPlan(Appraisal appraisal, AppraisalCycle cycle, Plan plan, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Drafting a plan", PlanPhases);
        if (Plan.Problem(plan) is { } problem)
        {
            throw new DomainRuleViolation("plan-invalid", problem.English);
        }

        var unchanged = appraisal.LatestPlan is { } latest && latest.SameAs(plan);
        return appraisal.PlanStatus switch
        {
            null => [new PlanDrafted(appraisal.Id, 1, plan, now)],
            PlanStatus.Submitted => throw new DomainRuleViolation("plan-awaiting-agreement",
                $"Version {appraisal.PlanVersion} is with the rater; it can change once returned."),
            PlanStatus.Agreed or PlanStatus.Draft when unchanged => [],
            PlanStatus.Agreed => [new PlanDrafted(appraisal.Id, appraisal.PlanVersion + 1, plan, now)],
            _ => [new PlanDrafted(appraisal.Id, appraisal.PlanVersion, plan, now)],
        };
    }

    public static IReadOnlyList<object> SubmitPlan(Appraisal appraisal, AppraisalCycle cycle, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Submitting a plan", PlanPhases);
        return appraisal.PlanStatus switch
        {
            PlanStatus.Draft or PlanStatus.Returned => [new PlanSubmitted(appraisal.Id, appraisal.PlanVersion, now)],
            PlanStatus.Submitted => [],
            _ => throw new DomainRuleViolation("no-plan-draft", "There is no draft plan to submit."),
        };
    }

    public static IReadOnlyList<object> AgreePlan(Appraisal appraisal, AppraisalCycle cycle, int version, Guid? actorId, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Agreeing a plan", PlanPhases);
        EnsureNotRatee(appraisal, actorId);
        EnsureLatest(appraisal, version);
        return appraisal.PlanStatus switch
        {
            PlanStatus.Submitted => [new PlanAgreed(appraisal.Id, version, by, now)],
            PlanStatus.Agreed => [],
            _ => throw NotSubmitted(appraisal),
        };
    }

    public static IReadOnlyList<object> ReturnPlan(
        Appraisal appraisal, AppraisalCycle cycle, int version, string comments, Guid? actorId, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Returning a plan", PlanPhases);
        EnsureNotRatee(appraisal, actorId);
        EnsureLatest(appraisal, version);
        return appraisal.PlanStatus switch
        {
            PlanStatus.Submitted => [new PlanReturned(appraisal.Id, version, comments.Trim(), by, now)],
            PlanStatus.Returned => [],
            _ => throw NotSubmitted(appraisal),
        };
    }

    /// <summary>The rater answers the version they read; a newer one must be read first.</summary>
    private static void EnsureLatest(Appraisal appraisal, int version)
    {
        if (version != appraisal.PlanVersion)
        {
            throw new DomainRuleViolation("plan-version-mismatch", $"The current plan version is {appraisal.PlanVersion}, not {version}.");
        }
    }

    private static DomainRuleViolation NotSubmitted(Appraisal appraisal) =>
        new("plan-not-submitted", $"Plan version {appraisal.PlanVersion} is {appraisal.PlanStatus?.ToString() ?? "not drafted"}, not submitted.");
}
