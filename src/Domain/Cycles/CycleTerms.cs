namespace Kinerja.Domain.Cycles;

/// <summary>The period an appraisal cycle covers: triwulan (quarter), semester, tahunan (year) or bulanan (month).</summary>
public enum CycleKind { Quarterly, Semester, Annual, Monthly }

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

    /// <summary>
    /// The calendar each kind's periods follow (reference data, version 1): a period of a kind spans this many whole
    /// months and starts in a month that is a multiple of it after January, so periods are Jan-Dec (tahunan), Jan-Jun and
    /// Jul-Dec (semester), Jan-Mar … Oct-Dec (triwulan I-IV) and single months (bulanan). Source: PermenPANRB 6/2022 on
    /// evaluasi kinerja periodik (bulanan, triwulanan or semesteran, as the agency needs) and tahunan, January to December.
    /// </summary>
    public static readonly IReadOnlyDictionary<CycleKind, int> MonthsPerPeriod = new Dictionary<CycleKind, int>
    {
        [CycleKind.Monthly] = 1,
        [CycleKind.Quarterly] = 3,
        [CycleKind.Semester] = 6,
        [CycleKind.Annual] = 12,
    };

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    public static (DateOnly Start, DateOnly End) PeriodOf(CycleKind kind, DateOnly date)
    {
        var months = MonthsPerPeriod[kind];
        var start = new DateOnly(date.Year, (date.Month - 1) / months * months + 1, 1);
        return (start, start.AddMonths(months).AddDays(-1));
    }

    /// <returns>null when the period and feedback window fit together, otherwise why not.</returns>
    public static Wording? PeriodProblem(CycleKind kind, DateOnly start, DateOnly end, FeedbackWindow window)
    {
        if (end < start)
        {
            return new("periode harus berakhir pada atau setelah tanggal mulainya", "the period must end on or after its start");
        }

        if (PeriodOf(kind, start) != (start, end))
        {
            var (alignedStart, alignedEnd) = PeriodOf(kind, start);
            return new(
                $"periode {kind} mengikuti kalender: periode yang memuat {start:yyyy-MM-dd} berlangsung {alignedStart:yyyy-MM-dd} sampai {alignedEnd:yyyy-MM-dd}",
                $"a {kind} period follows the calendar: the one containing {start:yyyy-MM-dd} runs {alignedStart:yyyy-MM-dd} to {alignedEnd:yyyy-MM-dd}");
        }

        if (window.ClosesOn < window.OpensOn)
        {
            return new("jendela umpan balik harus ditutup pada atau setelah dibuka", "the feedback window must close on or after it opens");
        }

        return window.OpensOn < start || window.OpensOn > end
            ? new Wording("jendela umpan balik harus dibuka di dalam periode", "the feedback window must open within the period")
            : null;
    }
}
