using Kinerja.Domain.Evaluations;

namespace Kinerja.UnitTests.Evaluations;

public sealed class AwardCandidacyTests
{
    private static FinalStanding Sb(string key, decimal score) => new(key, Predikat.SangatBaik, score);

    private static FinalStanding Baik(string key, decimal score) => new(key, Predikat.Baik, score);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(14, 2)]
    [InlineData(20, 4)]
    [InlineData(101, 20)]
    public void The_default_top_is_a_fifth_of_the_final_appraisals_rounded_down_and_at_least_one(int final, int top) =>
        TopOfUnitRule.Default.TopCount(final).Should().Be(top);

    [Fact]
    public void A_rule_never_puts_more_in_the_top_than_the_unit_has() =>
        new TopOfUnitRule(0.1m, 3).TopCount(2).Should().Be(2);

    [Fact]
    public void The_top_follows_the_ranking_order_so_a_higher_scoring_baik_never_takes_a_sangat_baik_place()
    {
        // Ten final appraisals: the top is 2 (a fifth). Predikat first, as in the ranking: S1 and S2 ahead of B1's 104.
        var unit = new List<FinalStanding>
        {
            Baik("B1", 104m), Sb("S1", 98m), Sb("S2", 97.5m), Baik("B2", 90m), Baik("B3", 80m),
            Baik("B4", 80m), Baik("B5", 70m), Baik("B6", 60m), Baik("B7", 50m), Baik("B8", 40m),
        };

        var top = AwardCandidacy.Rank(TopOfUnitRule.Default, unit);

        top.Final.Should().Be(10);
        top.TopCount.Should().Be(2);
        top.BoundaryScore.Should().Be(97.5m);
        top.AwardCandidates.Select(c => (c.Standing.Key, c.Rank)).Should().Equal(("S1", 1), ("S2", 2));
        top.Ranked.Single(r => r.Standing.Key == "B1").Should().Match<RankedStanding>(r => r.Rank == 3 && !r.InTop, "the score orders only within a predikat");
    }

    [Fact]
    public void Equal_predikat_and_score_are_told_apart_by_results_points_as_in_the_ranking_and_only_all_three_equal_tie()
    {
        var unit = new List<FinalStanding> { new("S1", Predikat.SangatBaik, 90m, 80m), new("S2", Predikat.SangatBaik, 90m, 95m), new("S3", Predikat.SangatBaik, 90m, 80m) };

        var top = AwardCandidacy.Rank(new TopOfUnitRule(0.2m, 1), unit);

        top.Ranked.Select(r => (r.Standing.Key, r.Rank, r.InTop)).Should().Equal(("S2", 1, true), ("S1", 2, false), ("S3", 2, false));
    }

    [Fact]
    public void Everyone_tied_with_the_boundary_score_is_in_the_top_and_ties_share_a_rank()
    {
        var unit = new List<FinalStanding> { Sb("S3", 90m), Sb("S1", 95m), Sb("S2", 90m), Baik("B1", 10m), Baik("B2", 5m) };

        var tied = AwardCandidacy.Rank(new TopOfUnitRule(0.4m, 1), unit);

        tied.TopCount.Should().Be(2);
        tied.BoundaryScore.Should().Be(90m);
        tied.AwardCandidates.Select(c => (c.Standing.Key, c.Rank)).Should().Equal(("S1", 1), ("S2", 2), ("S3", 2));
        tied.Ranked.Select(r => r.Rank).Should().Equal(1, 2, 2, 4, 5);
    }

    [Fact]
    public void A_unit_without_final_appraisals_has_no_top_and_no_candidates()
    {
        var top = AwardCandidacy.Rank(TopOfUnitRule.Default, []);

        top.TopCount.Should().Be(0);
        top.BoundaryScore.Should().BeNull();
        top.AwardCandidates.Should().BeEmpty();
    }
}
