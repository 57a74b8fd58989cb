namespace Kinerja.Domain.Cycles;

/// <summary>An appraisal cycle as its decisions, and those of its appraisals, see it; <see cref="ClosedAt"/> starts the tindak lanjut window.</summary>
public sealed record AppraisalCycle(
    Guid Id,
    CycleKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool AllUnits,
    IReadOnlyList<string> UnitCodes,
    FeedbackWindow FeedbackWindow,
    CyclePhase Phase,
    DateTimeOffset? ClosedAt = null,
    Guid? AnnualCycleId = null)
{
    public bool EndedBy(DateOnly today) => today > PeriodEnd;

    public bool Covers(DateOnly date) => date >= PeriodStart && date <= PeriodEnd;

    /// <summary>
    /// The date whose registry facts (placement, superior) count for an appraisal opened or
    /// re-resolved today: today clamped into the period, so the period end once it has passed.
    /// </summary>
    public DateOnly ReferenceDate(DateOnly today) =>
        today < PeriodStart ? PeriodStart : today > PeriodEnd ? PeriodEnd : today;

    public static AppraisalCycle Evolve(AppraisalCycle? state, object @event) => (state, @event) switch
    {
        (null, CycleCreated e) => new AppraisalCycle(
            e.CycleId, e.Kind, e.PeriodStart, e.PeriodEnd, e.AllUnits, e.UnitCodes, e.FeedbackWindow, CyclePhase.Planning, AnnualCycleId: e.AnnualCycleId),
        (not null, CycleStarted) => state with { Phase = CyclePhase.InProgress },
        (not null, CycleEvaluationBegan) => state with { Phase = CyclePhase.Evaluation },
        (not null, CycleClosed e) => state with { Phase = CyclePhase.Closed, ClosedAt = e.ClosedAt },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to cycle state {(state is null ? "before creation" : state.Id)}."),
    };
}
