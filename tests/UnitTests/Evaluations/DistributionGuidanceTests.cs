using Kinerja.Domain.Evaluations;

namespace Kinerja.UnitTests.Evaluations;

public sealed class DistributionGuidanceTests
{
    private static Dictionary<Predikat, int> Spread(int sangatBaik = 0, int baik = 0, int butuhPerbaikan = 0, int kurang = 0, int sangatKurang = 0) => new()
    {
        [Predikat.SangatBaik] = sangatBaik, [Predikat.Baik] = baik, [Predikat.ButuhPerbaikan] = butuhPerbaikan,
        [Predikat.Kurang] = kurang, [Predikat.SangatKurang] = sangatKurang,
    };

    [Fact]
    public void An_istimewa_unit_may_have_70_percent_sangat_baik_but_not_more()
    {
        DistributionGuidance.Breaches(UnitResult.Istimewa, Spread(sangatBaik: 7, baik: 3)).Should().BeEmpty();
        DistributionGuidance.Breaches(UnitResult.Istimewa, Spread(sangatBaik: 8, baik: 2)).Select(b => b.Description)
            .Should().Equal("at most 70% Sangat Baik");
    }

    [Fact]
    public void A_baik_unit_needs_some_butuh_perbaikan_or_kurang_and_at_most_70_percent_baik()
    {
        DistributionGuidance.Breaches(UnitResult.Baik, Spread(sangatBaik: 2, baik: 7, kurang: 1)).Should().BeEmpty();
        DistributionGuidance.Breaches(UnitResult.Baik, Spread(sangatBaik: 2, baik: 8)).Select(b => b.Description)
            .Should().BeEquivalentTo("at most 70% Baik", "some Butuh Perbaikan or Kurang");
    }

    [Fact]
    public void A_butuh_perbaikan_unit_needs_60_percent_butuh_perbaikan_and_at_most_10_percent_sangat_baik()
    {
        DistributionGuidance.Breaches(UnitResult.ButuhPerbaikan, Spread(sangatBaik: 1, baik: 3, butuhPerbaikan: 6)).Should().BeEmpty();
        DistributionGuidance.Breaches(UnitResult.ButuhPerbaikan, Spread(sangatBaik: 2, baik: 3, butuhPerbaikan: 5)).Select(b => b.Description)
            .Should().BeEquivalentTo("at least 60% Butuh Perbaikan", "at most 10% Sangat Baik");
    }

    [Fact]
    public void A_kurang_unit_needs_60_percent_kurang_10_percent_butuh_perbaikan_and_at_most_10_percent_sangat_baik()
    {
        DistributionGuidance.Breaches(UnitResult.Kurang, Spread(sangatBaik: 1, baik: 2, butuhPerbaikan: 1, kurang: 6)).Should().BeEmpty();
        DistributionGuidance.Breaches(UnitResult.Kurang, Spread(baik: 5, kurang: 5)).Select(b => b.Description)
            .Should().BeEquivalentTo("at least 60% Kurang", "at least 10% Butuh Perbaikan");
    }

    [Fact]
    public void A_sangat_kurang_unit_may_have_no_sangat_baik()
    {
        DistributionGuidance.Breaches(UnitResult.SangatKurang, Spread(butuhPerbaikan: 2, kurang: 1, sangatKurang: 7)).Should().BeEmpty();
        DistributionGuidance.Breaches(UnitResult.SangatKurang, Spread(sangatBaik: 1, kurang: 2, sangatKurang: 7)).Select(b => b.Description)
            .Should().Equal("no Sangat Baik");
    }

    [Fact]
    public void A_unit_with_no_final_evaluations_breaches_nothing() =>
        DistributionGuidance.Breaches(UnitResult.Kurang, Spread()).Should().BeEmpty();
}
