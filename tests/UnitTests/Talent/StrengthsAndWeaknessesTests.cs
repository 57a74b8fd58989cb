using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Kinerja.Domain.Training;
using static Kinerja.Domain.Talent.StrengthsAndWeaknesses;

namespace Kinerja.UnitTests.Talent;

public sealed class StrengthsAndWeaknessesTests
{
    private static readonly StrengthRule Rule = StrengthRules.V2026;

    /// <summary>One appraisal whose supervisor gave <paramref name="akuntabel"/> to Akuntabel, and whose one Kuantitas indicator (target 10) reached <paramref name="realised"/>.</summary>
    private static AppraisalMeasures Appraisal(int akuntabel, decimal? realised = null, params ScoreTally[] more) => new(
        [new(FeedbackSource.Supervisor, BerAkhlak.Akuntabel, 1, akuntabel), .. more],
        realised is null ? [] : [new IndicatorOutcome("R1", RowKind.Utama, "R1.1", Aspect.Kuantitas, 10, realised)]);

    private static Judgement Judge(AppraisalMeasures own, params AppraisalMeasures[] others) => StrengthsAndWeaknesses.Judge(Rule, own, [own, .. others], []);

    [Fact]
    public void A_value_at_the_floor_and_in_the_units_upper_quartile_is_a_strength_with_its_figures_and_the_unit_comparison()
    {
        var judgement = Judge(Appraisal(5), Appraisal(2), Appraisal(3), Appraisal(4), Appraisal(5));

        var claim = judgement.Strengths.Should().ContainSingle().Subject;
        claim.Kind.Should().Be(ClaimKind.Value);
        claim.Subject.Should().Be("Akuntabel");
        claim.Figure.Should().Be(5m);
        claim.Reasons.Should().Equal(Reasons.MeetsStrengthFloor, Reasons.InUnitUpperQuartile);
        claim.Value!.Sources.Should().Equal(new SourceMean(FeedbackSource.Supervisor, 1, 5m, true, null));
        claim.Unit.Should().Be(new UnitDistribution(5, 3.8m, 3m, 4m, 5m));
        judgement.RuleVersion.Should().Be("2026.1");
        judgement.Weaknesses.Should().BeEmpty();
    }

    [Fact]
    public void A_value_above_the_floor_but_below_the_units_upper_quartile_is_neither()
    {
        var judgement = Judge(Appraisal(4), Appraisal(4), Appraisal(5), Appraisal(5), Appraisal(5));

        judgement.Strengths.Should().BeEmpty();
        judgement.Weaknesses.Should().BeEmpty();
        judgement.Figures.Values.Single().Figure.Should().Be(4m);
    }

    [Fact]
    public void A_value_below_the_absolute_floor_is_a_weakness_even_without_a_unit_to_compare_with()
    {
        var judgement = Judge(Appraisal(2));

        var claim = judgement.Weaknesses.Should().ContainSingle().Subject;
        claim.Reasons.Should().Equal(Reasons.BelowWeaknessFloor);
        claim.Unit.Should().BeNull();
    }

    [Fact]
    public void A_value_below_the_units_lower_quartile_is_a_weakness_only_while_it_is_also_below_the_ceiling()
    {
        var below = Judge(Appraisal(3), Appraisal(4), Appraisal(5), Appraisal(5), Appraisal(5));
        var meetsExpectations = Judge(Appraisal(4), Appraisal(5), Appraisal(5), Appraisal(5), Appraisal(5));

        var claim = below.Weaknesses.Should().ContainSingle().Subject;
        claim.Reasons.Should().Equal(Reasons.BelowUnitLowerQuartile);
        claim.Unit!.LowerQuartile.Should().Be(4m);
        meetsExpectations.Weaknesses.Should().BeEmpty("4.0 is not weak however strong the rest of the unit is");
    }

    [Fact]
    public void A_strength_in_a_unit_too_small_to_compare_rests_on_the_floor_alone_and_says_so()
    {
        var judgement = Judge(Appraisal(5), Appraisal(1), Appraisal(1));

        var claim = judgement.Strengths.Should().ContainSingle().Subject;
        claim.Reasons.Should().Equal(Reasons.MeetsStrengthFloor, Reasons.UnitTooSmall);
        claim.Unit.Should().BeNull();
    }

    [Fact]
    public void Public_feedback_counts_from_five_responses_and_self_ratings_never_count()
    {
        var four = Measure(Rule, Appraisal(3, null, new ScoreTally(FeedbackSource.Public, BerAkhlak.Akuntabel, 4, 20), new ScoreTally(FeedbackSource.Self, BerAkhlak.Akuntabel, 1, 5)));
        var five = Measure(Rule, Appraisal(3, null, new ScoreTally(FeedbackSource.Public, BerAkhlak.Akuntabel, 5, 25)));

        four.Values.Single().Figure.Should().Be(3m);
        four.Values.Single().Sources.Should().Equal(
            new SourceMean(FeedbackSource.Supervisor, 1, 3m, true, null),
            new SourceMean(FeedbackSource.Self, 1, 5m, false, "Self feedback is shown but does not count"),
            new SourceMean(FeedbackSource.Public, 4, 5m, false, "fewer than 5 public responses"));
        five.Values.Single().Figure.Should().Be(4m, "each counted source is one voice: (3 + 5) / 2");
        five.Values.Single().Sources.Last().Should().Be(new SourceMean(FeedbackSource.Public, 5, 5m, true, null));
    }

    [Fact]
    public void A_value_only_self_rated_has_no_figure_and_no_claim()
    {
        var judgement = StrengthsAndWeaknesses.Judge(Rule, new AppraisalMeasures([new(FeedbackSource.Self, BerAkhlak.Loyal, 3, 3)], []), [], []);

        judgement.Figures.Values.Single().Figure.Should().BeNull();
        judgement.Strengths.Should().BeEmpty();
        judgement.Weaknesses.Should().BeEmpty();
    }

    [Fact]
    public void Aspects_use_achievement_against_target_counting_down_for_time_and_leave_unrealised_indicators_out_of_the_mean()
    {
        var own = new AppraisalMeasures([],
        [
            new("R1", RowKind.Utama, "R1.1", Aspect.Waktu, 12, 10),
            new("R1", RowKind.Utama, "R1.2", Aspect.Waktu, 6, null),
            new("R2", RowKind.Utama, "R2.1", Aspect.Kuantitas, 10, 8),
        ]);

        var judgement = StrengthsAndWeaknesses.Judge(Rule, own, [own], []);

        var strength = judgement.Strengths.Should().ContainSingle().Subject;
        strength.Subject.Should().Be("Waktu");
        strength.Figure.Should().Be(1.2m);
        strength.Aspect!.Indicators.Select(i => (i.IndicatorKey, i.Ratio)).Should().Equal(("R1.1", 1.2m), ("R1.2", (decimal?)null));
        var weakness = judgement.Weaknesses.Should().ContainSingle().Subject;
        weakness.Subject.Should().Be("Kuantitas");
        weakness.Figure.Should().Be(0.8m);
        weakness.Reasons.Should().Equal(Reasons.BelowWeaknessFloor);
    }

    [Fact]
    public void An_aspect_below_target_and_below_the_units_lower_quartile_is_a_weakness_above_target_it_is_not()
    {
        var judgement = Judge(Appraisal(4, 9.5m), Appraisal(4, 10), Appraisal(4, 11), Appraisal(4, 12), Appraisal(4, 12));

        var claim = judgement.Weaknesses.Should().ContainSingle().Subject;
        claim.Subject.Should().Be("Kuantitas");
        claim.Reasons.Should().Equal(Reasons.BelowUnitLowerQuartile);
        claim.Unit.Should().Be(new UnitDistribution(5, 1.09m, 1m, 1.1m, 1.2m));
        Judge(Appraisal(4, 10.5m), Appraisal(4, 11), Appraisal(4, 11), Appraisal(4, 12), Appraisal(4, 12)).Weaknesses.Should().BeEmpty();
    }

    [Fact]
    public void A_competency_below_the_standard_is_a_weakness_two_levels_above_it_a_strength_one_above_neither()
    {
        static CompetencyStanding Standing(string code, int level) =>
            new(new KnownLevel(code, level, new DateOnly(2026, 3, 12), LevelEvidence.Assessment), 3);

        var judgement = StrengthsAndWeaknesses.Judge(Rule, new([], []), [], [Standing("TEKNIS.B", 2), Standing("MANAJERIAL.A", 5), Standing("SOSIAL.C", 4)]);

        var weakness = judgement.Weaknesses.Should().ContainSingle().Subject;
        (weakness.Kind, weakness.Subject, weakness.Figure).Should().Be((ClaimKind.Competency, "TEKNIS.B", 2m));
        weakness.Reasons.Should().Equal(Reasons.BelowRequiredLevel);
        weakness.Competency!.Required.Should().Be(3);
        var strength = judgement.Strengths.Should().ContainSingle().Subject;
        strength.Subject.Should().Be("MANAJERIAL.A");
        strength.Reasons.Should().Equal(Reasons.WellAboveRequiredLevel);
    }

    [Fact]
    public void Quartiles_interpolate_between_closest_ranks()
    {
        decimal[] sorted = [1, 2, 3, 4];

        (Quantile(sorted, 0.25m), Quantile(sorted, 0.5m), Quantile(sorted, 0.75m)).Should().Be((1.75m, 2.5m, 3.25m));
        Quantile([7m], 0.75m).Should().Be(7m);
    }
}
