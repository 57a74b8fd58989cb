namespace Kinerja.Domain.Cycles;

public sealed record NewCycle(
    string Name,
    CycleKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool AllUnits,
    IReadOnlyList<string> UnitCodes,
    FeedbackWindow FeedbackWindow);

/// <summary>Another cycle of the same kind whose period and scope (sub-units included) meet the new one's.</summary>
public sealed record OverlappingCycle(Guid Id, string Name);

/// <summary>Pure decisions of an appraisal cycle's phases: (state, input, now) -> events, or a DomainRuleViolation.</summary>
public static class CycleDecisions
{
    /// <param name="overlapping">Cycles of the same kind covering some of the same units in some of the same days: one person would
    /// get two predikat for one period, so any is refused.</param>
    /// <param name="annual">The annual cycle a periodic cycle is linked to, with whether its scope covers the new cycle's units.</param>
    public static IReadOnlyList<object> Create(
        Guid id, NewCycle input, IReadOnlyList<OverlappingCycle> overlapping, (AppraisalCycle Cycle, bool CoversScope)? annual, Actor by, DateTimeOffset now)
    {
        if (CycleRules.PeriodProblem(input.Kind, input.PeriodStart, input.PeriodEnd, input.FeedbackWindow) is { } problem)
        {
            throw new DomainRuleViolation("cycle-period-invalid", problem.English);
        }

        if (overlapping.Count > 0)
        {
            throw new DomainRuleViolation("cycle-overlaps",
                $"The {input.Kind} cycle '{overlapping[0].Name}' already covers some of these units in this period; one person gets one appraisal per period of a kind.",
                new Dictionary<string, object> { ["cycleId"] = overlapping[0].Id });
        }

        if (annual is { } link)
        {
            EnsureLinkable(input, link.Cycle, link.CoversScope);
        }

        if (input.AllUnits == input.UnitCodes.Count > 0)
        {
            throw new DomainRuleViolation("cycle-scope-invalid", "A cycle covers either all units or a list of units.");
        }

        return
        [
            new CycleCreated(id, input.Name.Trim(), input.Kind, input.PeriodStart, input.PeriodEnd, input.AllUnits,
                [.. input.UnitCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)],
                input.FeedbackWindow, by, now, annual?.Cycle.Id),
        ];
    }

    private static void EnsureLinkable(NewCycle input, AppraisalCycle annual, bool coversScope)
    {
        var problem = input.Kind == CycleKind.Annual ? "an annual cycle is not linked to another annual cycle"
            : annual.Kind != CycleKind.Annual ? "the linked cycle must be an annual cycle"
            : !annual.Covers(input.PeriodStart) || !annual.Covers(input.PeriodEnd) ? "the annual cycle's year must contain the period"
            : !coversScope ? "the annual cycle's scope must cover every unit of this cycle"
            : null;
        if (problem is not null)
        {
            throw new DomainRuleViolation("annual-cycle-mismatch", problem + ".");
        }
    }

    public static IReadOnlyList<object> Start(AppraisalCycle cycle, Actor by, DateTimeOffset now) => cycle.Phase switch
    {
        CyclePhase.Planning => [new CycleStarted(cycle.Id, by, now)],
        CyclePhase.InProgress => [],
        _ => throw WrongPhase(cycle, "start"),
    };

    /// <summary>By hand (hr-admin): allowed before the period ends, e.g. an annual evaluation that begins in December.</summary>
    public static IReadOnlyList<object> BeginEvaluation(AppraisalCycle cycle, Actor by, DateTimeOffset now) => cycle.Phase switch
    {
        CyclePhase.InProgress => [new CycleEvaluationBegan(cycle.Id, by, false, now)],
        CyclePhase.Evaluation => [],
        _ => throw WrongPhase(cycle, "begin evaluation of"),
    };

    /// <summary>
    /// The scheduler's move at the end of the period. A message that arrives early (clock skew) or
    /// late (the cycle moved by hand, or was never started) changes nothing.
    /// </summary>
    public static IReadOnlyList<object> BeginDueEvaluation(AppraisalCycle cycle, Actor by, DateOnly today, DateTimeOffset now) =>
        cycle.Phase == CyclePhase.InProgress && cycle.EndedBy(today) ? [new CycleEvaluationBegan(cycle.Id, by, true, now)] : [];

    /// <param name="unsettled">Appraisals in the cycle neither final nor excused: closing freezes them, so it waits for none.</param>
    public static IReadOnlyList<object> Close(AppraisalCycle cycle, int unsettled, Actor by, DateTimeOffset now) => cycle.Phase switch
    {
        CyclePhase.Evaluation when unsettled > 0 => throw new DomainRuleViolation("appraisals-not-final",
            $"{unsettled} appraisal(s) of the cycle are neither final nor excused.", new Dictionary<string, object> { ["open"] = unsettled }),
        CyclePhase.Evaluation => [new CycleClosed(cycle.Id, by, now)],
        CyclePhase.Closed => [],
        _ => throw WrongPhase(cycle, "close"),
    };

    /// <summary>Nothing may be written to an appraisal of a closed cycle.</summary>
    public static void EnsureOpen(AppraisalCycle cycle)
    {
        if (cycle.Phase == CyclePhase.Closed)
        {
            throw new DomainRuleViolation("cycle-closed", "The appraisal cycle is closed; its appraisals can no longer be changed.");
        }
    }

    /// <summary>Refuses an appraisal write outside the phases it belongs to.</summary>
    public static void EnsurePhase(AppraisalCycle cycle, string what, params CyclePhase[] allowed)
    {
        EnsureOpen(cycle);
        if (!allowed.Contains(cycle.Phase))
        {
            throw new DomainRuleViolation("cycle-phase", $"{what} is not possible while the cycle is in {cycle.Phase}; allowed in {string.Join(", ", allowed)}.");
        }
    }

    private static DomainRuleViolation WrongPhase(AppraisalCycle cycle, string action) =>
        cycle.Phase == CyclePhase.Closed
            ? new DomainRuleViolation("cycle-closed", $"The cycle is closed; cannot {action} it.")
            : new DomainRuleViolation("cycle-phase", $"Cannot {action} a cycle in {cycle.Phase}.");
}
