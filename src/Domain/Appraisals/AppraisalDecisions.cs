using Kinerja.Domain.Cycles;

namespace Kinerja.Domain.Appraisals;

/// <summary>What the registry says, on the cycle's reference date, about a ratee and their superiors.</summary>
public sealed record RaterFacts(
    DateOnly On,
    Guid EmployeeId,
    string Nip,
    bool EmployeeEmployed,
    string? UnitCode,
    bool InScope,
    Guid? RaterId,
    string? RaterNip,
    bool RaterEmployed,
    Guid? ApproverId,
    string? ApproverNip);

/// <summary>Pure decisions of an appraisal: (state, cycle, input, now) -> events, or a DomainRuleViolation.</summary>
public static partial class AppraisalDecisions
{
    public static IReadOnlyList<object> Open(Appraisal? existing, Guid id, AppraisalCycle cycle, RaterFacts facts, DateTimeOffset now)
    {
        if (existing is not null)
        {
            throw new DomainRuleViolation("appraisal-already-open", $"{facts.Nip} already has an appraisal in this cycle.");
        }

        CycleDecisions.EnsureOpen(cycle);
        if (!facts.EmployeeEmployed)
        {
            throw new DomainRuleViolation("not-employed-on-date", $"{facts.Nip} is not employed on {facts.On:yyyy-MM-dd}.");
        }

        if (!facts.InScope)
        {
            throw new DomainRuleViolation("not-in-cycle-scope", $"{facts.Nip} is not placed in a unit of the cycle's scope on {facts.On:yyyy-MM-dd}.");
        }

        EnsureValidRater(facts);
        return
        [
            new AppraisalOpened(id, cycle.Id, facts.EmployeeId, facts.Nip, facts.UnitCode!, facts.RaterId!.Value, facts.RaterNip!,
                facts.ApproverId, facts.ApproverNip, facts.On, now),
        ];
    }

    public static IReadOnlyList<object> ReassignRater(Appraisal appraisal, AppraisalCycle cycle, RaterFacts facts, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        EnsureValidRater(facts);
        return appraisal.RaterId == facts.RaterId && appraisal.ApproverId == facts.ApproverId
            ? []
            : [new RaterReassigned(appraisal.Id, facts.RaterId!.Value, facts.RaterNip!, facts.ApproverId, facts.ApproverNip, facts.On, now)];
    }

    /// <summary>Rater ≠ ratee, always: whoever acts as the rater must not be the employee appraised.</summary>
    public static void EnsureNotRatee(Appraisal appraisal, Guid? actorId)
    {
        if (actorId == appraisal.EmployeeId)
        {
            throw new DomainRuleViolation("rater-is-ratee", "Nobody may act as the rater of their own appraisal.");
        }
    }

    private static void EnsureValidRater(RaterFacts facts)
    {
        if (facts.RaterId is not { } rater)
        {
            throw new DomainRuleViolation("no-rater", $"{facts.Nip} has no superior in the registry on {facts.On:yyyy-MM-dd}; record one first.");
        }

        if (rater == facts.EmployeeId || facts.ApproverId == facts.EmployeeId)
        {
            throw new DomainRuleViolation("rater-is-ratee", $"The registry makes {facts.Nip} their own rater or approver on {facts.On:yyyy-MM-dd}.");
        }

        if (!facts.RaterEmployed)
        {
            throw new DomainRuleViolation("rater-not-employed", $"The superior {facts.RaterNip} is not employed on {facts.On:yyyy-MM-dd}.");
        }
    }
}
