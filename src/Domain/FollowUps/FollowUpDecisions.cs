using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Domain.FollowUps;

/// <summary>
/// The employee's final appraisal of a cycle as follow-ups see it: null <see cref="Predikat"/> when there is none
/// (not appraised, or not approved yet); rank and top under the top-of-unit rule (see <see cref="AwardCandidacy"/>).
/// </summary>
public sealed record FinalFacts(Guid EmployeeId, string? UnitCode, Predikat? Predikat, decimal? Score, int RankInUnit, bool InTopOfUnit)
{
    public bool NeedsSupport => Predikat is Evaluations.Predikat.ButuhPerbaikan or Evaluations.Predikat.Kurang or Evaluations.Predikat.SangatKurang;
}

public sealed record NewAward(AwardKind Kind, string Citation, DateOnly GrantedOn, string? OverrideReason);

public sealed record NewSupportPlan(IReadOnlyList<SupportKind> Kinds, IReadOnlyList<string> Actions, Guid ResponsibleId, string ResponsibleNip, DateOnly ReviewOn);

/// <summary>Tindak lanjut: awards for the best, support for those below Baik; both recorded by hr-admin until the cycle closes.</summary>
public static class FollowUpDecisions
{
    /// <summary>
    /// One award of a kind per cycle; the same award again changes nothing. Only a final Sangat Baik is awarded; one outside
    /// the top of the unit needs a written override reason: the reason may overrule the score, never the predikat.
    /// </summary>
    public static IReadOnlyList<object> GrantAward(FollowUp? state, AppraisalCycle cycle, FinalFacts facts, NewAward input, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        var citation = input.Citation.Trim();
        var overrideReason = string.IsNullOrWhiteSpace(input.OverrideReason) ? null : input.OverrideReason.Trim();
        if (state?.Awards.FirstOrDefault(a => a.CycleId == cycle.Id && a.Kind == input.Kind) is { } granted)
        {
            return granted.Citation == citation && granted.GrantedOn == input.GrantedOn && granted.OverrideReason == overrideReason
                ? []
                : throw new DomainRuleViolation("award-already-granted", $"A {input.Kind} award was already granted for this cycle, on {granted.GrantedOn:yyyy-MM-dd}.");
        }

        var (unit, predikat) = EnsureFinal(facts);
        if (predikat != Predikat.SangatBaik)
        {
            throw new DomainRuleViolation("not-sangat-baik", $"Awards follow a final Sangat Baik; this predikat is {predikat}. An override reason does not change that.");
        }

        if (!facts.InTopOfUnit && overrideReason is null)
        {
            throw new DomainRuleViolation("not-award-candidate",
                $"Rank {facts.RankInUnit} is outside the top of unit {unit} by score; give an override reason to award anyway.");
        }

        return
        [
            new AwardGranted(FollowUp.IdFor(facts.EmployeeId), facts.EmployeeId, cycle.Id, unit, input.Kind, citation, input.GrantedOn,
                predikat, facts.Score, facts.RankInUnit, overrideReason, by, now),
        ];
    }

    /// <summary>One plan per cycle; a different plan revises it, the same plan again changes nothing.</summary>
    public static IReadOnlyList<object> RecordSupportPlan(FollowUp? state, AppraisalCycle cycle, FinalFacts facts, NewSupportPlan input, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        var (unit, predikat) = EnsureFinal(facts);
        if (!facts.NeedsSupport)
        {
            throw new DomainRuleViolation("not-flagged-for-support", $"Support plans follow a final predikat below Baik; this predikat is {predikat}.");
        }

        if (input.ResponsibleId == facts.EmployeeId)
        {
            throw new DomainRuleViolation("responsible-is-employee", "Someone other than the employee is responsible for their support plan.");
        }

        SupportKind[] kinds = [.. input.Kinds.Distinct().Order()];
        string[] actions = [.. input.Actions.Select(a => a.Trim())];
        var current = state?.SupportPlanIn(cycle.Id);
        return current is not null && current.Kinds.SequenceEqual(kinds) && current.Actions.SequenceEqual(actions)
            && current.ResponsibleId == input.ResponsibleId && current.ReviewOn == input.ReviewOn
            ? []
            : [new SupportPlanRecorded(FollowUp.IdFor(facts.EmployeeId), facts.EmployeeId, cycle.Id, unit, predikat, kinds, actions,
                input.ResponsibleId, input.ResponsibleNip, input.ReviewOn, by, now)];
    }

    private static (string Unit, Predikat Predikat) EnsureFinal(FinalFacts facts) =>
        facts is { UnitCode: { } unit, Predikat: { } predikat }
            ? (unit, predikat)
            : throw new DomainRuleViolation("evaluation-not-final", "The employee has no final evaluation in this cycle.");
}
