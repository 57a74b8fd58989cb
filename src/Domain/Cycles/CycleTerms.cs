namespace Kinerja.Domain.Cycles;

/// <summary>The period an appraisal cycle covers: triwulan (quarter), semester or tahunan (year).</summary>
public enum CycleKind { Quarterly, Semester, Annual }

/// <summary>
/// Perencanaan (plans are drafted and agreed) → pelaksanaan (work, realisations, continuous
/// feedback) → penilaian (evaluation) → closed, after which the results only feed tindak lanjut.
/// </summary>
public enum CyclePhase { Planning, InProgress, Evaluation, Closed }

/// <summary>WIT calendar dates, both ends included.</summary>
public sealed record FeedbackWindow(DateOnly OpensOn, DateOnly ClosesOn)
{
    public bool Contains(DateOnly date) => date >= OpensOn && date <= ClosesOn;
}

public static class CycleRules
{
    public const int MaxNameLength = 200;

    /// <summary>The longest period a kind may span; shorter ones are allowed (a unit may evaluate a part period).</summary>
    public static int MaxDays(CycleKind kind) => kind switch
    {
        CycleKind.Quarterly => 92,
        CycleKind.Semester => 184,
        _ => 366,
    };

    /// <returns>null when the period and feedback window fit together, otherwise why not.</returns>
    public static string? PeriodProblem(CycleKind kind, DateOnly start, DateOnly end, FeedbackWindow window)
    {
        if (end < start)
        {
            return "the period must end on or after its start";
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxDays(kind))
        {
            return $"a {kind} period spans at most {MaxDays(kind)} days";
        }

        if (window.ClosesOn < window.OpensOn)
        {
            return "the feedback window must close on or after it opens";
        }

        return window.OpensOn < start || window.OpensOn > end
            ? "the feedback window must open within the period"
            : null;
    }
}
