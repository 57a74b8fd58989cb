using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;

namespace Kinerja.Application.Talent.GettingStrengthsAndWeaknesses;

public sealed record CycleSummary(Guid Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd);

/// <summary>The competency claims are measured against today's position and standard, not the cycle's.</summary>
public sealed record CompetencyBasis(PositionKind PositionKind, string StandardVersion, DateOnly? AssessedOn);

public sealed record TrendPoint(Guid CycleId, string CycleName, DateOnly PeriodStart, decimal? Figure);

public sealed record ValueTrend(BerAkhlak Value, IReadOnlyList<TrendPoint> Cycles);

public sealed record AspectTrend(Aspect Aspect, IReadOnlyList<TrendPoint> Cycles);

/// <summary>Per value and aspect, the figure in every cycle the employee was appraised in, oldest first (null where there was none).</summary>
public sealed record StrengthsTrend(IReadOnlyList<ValueTrend> Values, IReadOnlyList<AspectTrend> Aspects);

/// <summary>
/// An employee's strengths and weaknesses in one cycle, each claim with its evidence (figures, counts by
/// source, the unit comparison, the indicators or the assessment), the rule version that judged them, and the trend.
/// <see cref="Figures"/> holds every value and aspect measured, also those neither strong nor weak.
/// </summary>
public sealed record StrengthsAndWeaknessesView(
    string Nip,
    string UnitCode,
    CycleSummary Cycle,
    string RuleVersion,
    StrengthRule Rule,
    int UnitAppraisals,
    IReadOnlyList<Claim> Strengths,
    IReadOnlyList<Claim> Weaknesses,
    Figures Figures,
    CompetencyBasis Competencies,
    StrengthsTrend Trend);

public static class StrengthsViews
{
    /// <summary>The rule's inputs from the inline appraisal record: its feedback tallies and its progress against the agreed plan.</summary>
    public static AppraisalMeasures Measures(AppraisalRecord record) => new(
        [.. record.Feedback.SelectMany(t => t.Values.Select(v => new ScoreTally(t.Source, v.Value, v.Count, v.Sum)))],
        record.Outcomes());

    public static CycleSummary Summary(CycleRecord cycle) => new(cycle.Id, cycle.Name, cycle.PeriodStart, cycle.PeriodEnd);

    public static StrengthsTrend Trend(StrengthRule rule, IReadOnlyList<AppraisedCycle> history)
    {
        var measured = history.Select(h => (h.Cycle, Figures: StrengthsAndWeaknesses.Measure(rule, Measures(h.Appraisal)))).ToList();
        IReadOnlyList<TrendPoint> Points(Func<Figures, decimal?> figure) =>
            [.. measured.Select(m => new TrendPoint(m.Cycle.Id, m.Cycle.Name, m.Cycle.PeriodStart, figure(m.Figures)))];

        return new StrengthsTrend(
            [.. measured.SelectMany(m => m.Figures.Values.Select(v => v.Value)).Distinct().Order()
                .Select(value => new ValueTrend(value, Points(f => f.Values.FirstOrDefault(v => v.Value == value)?.Figure)))],
            [.. measured.SelectMany(m => m.Figures.Aspects.Select(a => a.Aspect)).Distinct().Order()
                .Select(aspect => new AspectTrend(aspect, Points(f => f.Aspects.FirstOrDefault(a => a.Aspect == aspect)?.Figure)))]);
    }
}
