using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Talent;

namespace Kinerja.UnitTests.Talent;

public class PlacementMatchingTests
{
    private static readonly RequiredCompetency[] Requirements = [new("A", 3), new("B", 4), new("C", 2)];

    private static Dictionary<string, int> Levels(params (string Code, int Level)[] levels) => levels.ToDictionary(l => l.Code, l => l.Level);

    [Fact]
    public void A_match_lists_the_requirements_met_the_gaps_and_an_unassessed_competency_as_needing_assessment_not_as_short()
    {
        var match = PlacementMatching.Match(Requirements, Levels(("A", 4), ("B", 2), ("X", 5)));

        match.Met.Should().Equal(new MetRequirement("A", 3, 4));
        match.Gaps.Should().Equal(new CompetencyGap("B", 4, 2));
        match.NeedsAssessment.Should().Equal(new UnknownRequirement("C", 2));
        match.Share.Should().Be(0.3333m);
        match.Shortfall.Should().Be(2);
        match.UnknownWeight.Should().Be(1);
    }

    [Fact]
    public void A_position_that_requires_nothing_is_met_in_full() =>
        PlacementMatching.Match([], Levels()).Share.Should().Be(1m);

    [Theory]
    [InlineData(3, 3, 0, Predikat.Baik, 5, 2, 3, 1, Predikat.SangatBaik, 9)]           // (b) more weight met wins over everything after it
    [InlineData(2, 3, 1, Predikat.Baik, 5, 2, 3, 3, Predikat.SangatBaik, 9)]           // (c) smaller weighted shortfall
    [InlineData(2, 3, 1, Predikat.SangatBaik, 2, 2, 3, 1, Predikat.Baik, 9)]           // (e) better predikat
    [InlineData(2, 3, 1, Predikat.Baik, 8, 2, 3, 1, Predikat.Baik, 5)]                 // (f) higher box
    [InlineData(1, 2, 1, Predikat.Kurang, 1, 2, 5, 0, Predikat.SangatBaik, 9)]         // shares across positions: 1/2 beats 2/5
    public void The_rule_orders_by_share_then_shortfall_then_predikat_then_box(
        int met, int of, int shortfall, Predikat predikat, int box, int otherMet, int otherOf, int otherShortfall, Predikat otherPredikat, int otherBox)
    {
        var better = new PlacementRank(0, met, of, shortfall, 0, predikat, box);
        var worse = new PlacementRank(0, otherMet, otherOf, otherShortfall, 0, otherPredikat, otherBox);

        PlacementMatching.Compare(better, worse).Should().BeNegative();
        PlacementMatching.Compare(worse, better).Should().BePositive();
    }

    [Fact]
    public void No_final_evaluation_ranks_after_every_predikat_and_no_box_after_every_box()
    {
        var none = new PlacementRank(0, 1, 1, 0, 0, null, null);

        PlacementMatching.Compare(new PlacementRank(0, 1, 1, 0, 0, Predikat.SangatKurang, 1), none).Should().BeNegative();
        PlacementMatching.Compare(new PlacementRank(0, 1, 1, 0, 0, null, 1), none).Should().BeNegative();
        PlacementMatching.Compare(none, none with { }).Should().Be(0);
    }
}
