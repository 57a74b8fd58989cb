using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Training;

namespace Kinerja.Domain.Talent;

/// <summary>The scores one source gave one BerAKHLAK value: how many, and their sum.</summary>
public sealed record ScoreTally(FeedbackSource Source, BerAkhlak Value, int Count, int Sum);

/// <summary>What one appraisal offers the rule: feedback tallies and the agreed indicators with what was realised.</summary>
public sealed record AppraisalMeasures(IReadOnlyList<ScoreTally> Scores, IReadOnlyList<IndicatorOutcome> Indicators);

/// <summary>A known competency level against what the current position's standard requires.</summary>
public sealed record CompetencyStanding(KnownLevel Known, int Required);

public sealed record SourceMean(FeedbackSource Source, int Responses, decimal Mean, bool Counted, string? NotCounted);

/// <summary>A value's figure: the mean of the counted sources' means (each source one voice); null when no source counts.</summary>
public sealed record ValueFigure(BerAkhlak Value, decimal? Figure, IReadOnlyList<SourceMean> Sources);

public sealed record IndicatorAchievement(string RowKey, string IndicatorKey, decimal Target, decimal? Realised, decimal? Ratio);

/// <summary>An aspect's figure: the mean achievement ratio of its realised indicators; null when none is realised.</summary>
public sealed record AspectFigure(Aspect Aspect, decimal? Figure, IReadOnlyList<IndicatorAchievement> Indicators);

public sealed record Figures(IReadOnlyList<ValueFigure> Values, IReadOnlyList<AspectFigure> Aspects);

/// <summary>The same figure across the unit's appraisals in the cycle (the employee's own included); quartiles by linear interpolation.</summary>
public sealed record UnitDistribution(int Employees, decimal Mean, decimal LowerQuartile, decimal Median, decimal UpperQuartile);

public enum ClaimKind { Value, Aspect, Competency }

/// <summary>A strength or a weakness with everything it rests on; only the evidence of its kind is set.</summary>
public sealed record Claim(
    ClaimKind Kind, string Subject, decimal Figure, IReadOnlyList<string> Reasons,
    ValueFigure? Value, AspectFigure? Aspect, UnitDistribution? Unit, CompetencyStanding? Competency);

public sealed record Judgement(string RuleVersion, Figures Figures, IReadOnlyList<Claim> Strengths, IReadOnlyList<Claim> Weaknesses);

public static class StrengthsAndWeaknesses
{
    public static Figures Measure(StrengthRule rule, AppraisalMeasures measures) => new(
        [.. measures.Scores.GroupBy(s => s.Value).OrderBy(g => g.Key).Select(g => ValueOf(rule, g.Key, g))],
        [.. measures.Indicators.GroupBy(i => i.Aspect).OrderBy(g => g.Key).Select(g => AspectOf(g.Key, g))]);

    /// <param name="unit">Every appraisal of the employee's unit in the cycle, the employee's own included.</param>
    public static Judgement Judge(StrengthRule rule, AppraisalMeasures own, IReadOnlyList<AppraisalMeasures> unit, IReadOnlyList<CompetencyStanding> competencies)
    {
        var figures = Measure(rule, own);
        var unitFigures = unit.Select(m => Measure(rule, m)).ToList();
        var strengths = new List<Claim>();
        var weaknesses = new List<Claim>();

        foreach (var value in figures.Values.Where(v => v.Figure is not null))
        {
            var distribution = Distribution(rule, unitFigures.Select(f => f.Values.FirstOrDefault(v => v.Value == value.Value)?.Figure), 2);
            Sort(new Claim(ClaimKind.Value, value.Value.ToString(), value.Figure!.Value, [], value, null, distribution, null), rule.Values);
        }

        foreach (var aspect in figures.Aspects.Where(a => a.Figure is not null))
        {
            var distribution = Distribution(rule, unitFigures.Select(f => f.Aspects.FirstOrDefault(a => a.Aspect == aspect.Aspect)?.Figure), 4);
            Sort(new Claim(ClaimKind.Aspect, aspect.Aspect.ToString(), aspect.Figure!.Value, [], null, aspect, distribution, null), rule.Aspects);
        }

        foreach (var standing in competencies.OrderBy(c => c.Known.CompetencyCode, StringComparer.Ordinal))
        {
            var claim = new Claim(ClaimKind.Competency, standing.Known.CompetencyCode, standing.Known.Level, [], null, null, null, standing);
            if (standing.Known.Level < standing.Required)
            {
                weaknesses.Add(claim with { Reasons = [Reasons.BelowRequiredLevel] });
            }
            else if (standing.Known.Level >= standing.Required + rule.CompetencyStrengthMargin)
            {
                strengths.Add(claim with { Reasons = [Reasons.WellAboveRequiredLevel] });
            }
        }

        return new Judgement(rule.Version, figures, strengths, weaknesses);

        void Sort(Claim claim, Thresholds t)
        {
            var f = claim.Figure;
            if (f >= t.StrengthFloor && (claim.Unit is null || f >= claim.Unit.UpperQuartile))
            {
                strengths.Add(claim with { Reasons = [Reasons.MeetsStrengthFloor, claim.Unit is null ? Reasons.UnitTooSmall : Reasons.InUnitUpperQuartile] });
                return;
            }

            List<string> why = [];
            if (f < t.WeaknessFloor)
            {
                why.Add(Reasons.BelowWeaknessFloor);
            }

            if (claim.Unit is { } d && f < d.LowerQuartile && f < t.RelativeWeaknessCeiling)
            {
                why.Add(Reasons.BelowUnitLowerQuartile);
            }

            if (why.Count > 0)
            {
                weaknesses.Add(claim with { Reasons = why });
            }
        }
    }

    /// <summary>Linear interpolation between closest ranks (Excel QUARTILE.INC): with 5 figures, Q1 and Q3 are the 2nd and 4th.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p)
    {
        var position = (sorted.Count - 1) * p;
        var below = (int)decimal.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static UnitDistribution? Distribution(StrengthRule rule, IEnumerable<decimal?> figures, int decimals)
    {
        var sorted = figures.OfType<decimal>().Order().ToList();
        return sorted.Count < rule.MinUnitFigures ? null : new UnitDistribution(
            sorted.Count,
            Round(sorted.Average(), decimals),
            Round(Quantile(sorted, 0.25m), decimals),
            Round(Quantile(sorted, 0.5m), decimals),
            Round(Quantile(sorted, 0.75m), decimals));
    }

    private static ValueFigure ValueOf(StrengthRule rule, BerAkhlak value, IEnumerable<ScoreTally> tallies)
    {
        var sources = tallies.Where(t => t.Count > 0).GroupBy(t => t.Source).OrderBy(g => g.Key).Select(g =>
        {
            var (count, sum) = (g.Sum(t => t.Count), g.Sum(t => t.Sum));
            var notCounted = !rule.CountedSources.Contains(g.Key) ? $"{g.Key} feedback is shown but does not count"
                : g.Key == FeedbackSource.Public && count < rule.MinPublicResponses ? $"fewer than {rule.MinPublicResponses} public responses"
                : null;
            return (Mean: (decimal)sum / count, View: new SourceMean(g.Key, count, Round((decimal)sum / count, 2), notCounted is null, notCounted));
        }).ToList();
        var counted = sources.Where(s => s.View.Counted).Select(s => s.Mean).ToList();
        return new ValueFigure(value, counted.Count == 0 ? null : Round(counted.Average(), 2), [.. sources.Select(s => s.View)]);
    }

    private static AspectFigure AspectOf(Aspect aspect, IEnumerable<IndicatorOutcome> indicators)
    {
        var rows = indicators.Select(i => (Ratio: Achievement.Ratio(i.Aspect, i.Target, i.Realised), Outcome: i)).ToList();
        var realised = rows.Select(r => r.Ratio).OfType<decimal>().ToList();
        return new AspectFigure(
            aspect,
            realised.Count == 0 ? null : Round(realised.Average(), 4),
            [.. rows.Select(r => new IndicatorAchievement(r.Outcome.RowKey, r.Outcome.IndicatorKey, r.Outcome.Target, r.Outcome.Realised, r.Ratio is { } x ? Round(x, 4) : null))]);
    }

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Stable codes a client can branch on.</summary>
    public static class Reasons
    {
        public const string MeetsStrengthFloor = "meets-strength-floor";
        public const string InUnitUpperQuartile = "in-unit-upper-quartile";
        public const string UnitTooSmall = "unit-too-small-to-compare";
        public const string BelowWeaknessFloor = "below-weakness-floor";
        public const string BelowUnitLowerQuartile = "below-unit-lower-quartile";
        public const string BelowRequiredLevel = "below-required-level";
        public const string WellAboveRequiredLevel = "well-above-required-level";
    }
}
