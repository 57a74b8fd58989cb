using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;

namespace Kinerja.UnitTests.Talent;

public sealed class NineBoxTests
{
    [Theory]
    [InlineData(Rating.DiBawahEkspektasi, Potential.Tinggi, 6, "fitting-placement,coaching,counselling")]
    [InlineData(Rating.SesuaiEkspektasi, Potential.Tinggi, 8, "retain,succession-pool,rotation,coaching")]
    [InlineData(Rating.DiAtasEkspektasi, Potential.Tinggi, 9, "promote,succession-pool,award")]
    [InlineData(Rating.DiBawahEkspektasi, Potential.Menengah, 3, "coaching,counselling,competency-development,fitting-placement")]
    [InlineData(Rating.SesuaiEkspektasi, Potential.Menengah, 5, "fitting-placement,coaching,competency-development")]
    [InlineData(Rating.DiAtasEkspektasi, Potential.Menengah, 7, "retain,succession-pool,rotation,competency-development,study-assignment")]
    [InlineData(Rating.DiBawahEkspektasi, Potential.Rendah, 1, "discipline")]
    [InlineData(Rating.SesuaiEkspektasi, Potential.Rendah, 2, "coaching,competency-development,fitting-placement")]
    [InlineData(Rating.DiAtasEkspektasi, Potential.Rendah, 4, "rotation,competency-development")]
    public void Each_box_has_its_number_and_the_recommendations_of_PermenPANRB_3_2020(Rating kinerja, Potential potential, int number, string codes)
    {
        var box = NineBox.For(kinerja, potential);
        box.Number.Should().Be(number);
        string.Join(',', box.Recommendations.Select(r => r.Code)).Should().Be(codes);
        box.Recommendations.Should().OnlyContain(r => r.Indonesian.Length > 0 && r.English.Length > 0);
    }

    [Fact]
    public void The_box_a_number_names_is_the_box_that_number_came_from()
    {
        var boxes = Enum.GetValues<Rating>().SelectMany(k => Enum.GetValues<Potential>().Select(p => NineBox.For(k, p))).ToList();

        boxes.Select(b => b.Number).Should().BeEquivalentTo(Enumerable.Range(1, 9));
        boxes.Should().AllSatisfy(b => NineBox.Numbered(b.Number).Should().BeEquivalentTo(b));
    }

    /// <summary>PermenPANRB 3/2020 with 6/2022: the kinerja axis is the final predikat, so poor behaviour never reaches boxes 7-9.</summary>
    [Theory]
    [InlineData(Predikat.SangatBaik, Rating.DiAtasEkspektasi)]
    [InlineData(Predikat.Baik, Rating.SesuaiEkspektasi)]
    [InlineData(Predikat.ButuhPerbaikan, Rating.DiBawahEkspektasi)]
    [InlineData(Predikat.Kurang, Rating.DiBawahEkspektasi)]
    [InlineData(Predikat.SangatKurang, Rating.DiBawahEkspektasi)]
    public void Each_final_predikat_gives_one_place_on_the_kinerja_axis(Predikat predikat, Rating kinerja)
    {
        NineBoxKinerja.For(predikat).Should().Be(kinerja);
        NineBoxKinerja.Version.Should().Be("PermenPANRB 3/2020 + 6/2022, kinerja 2026.2");
    }

    [Theory]
    [InlineData(Predikat.Kurang)]
    [InlineData(Predikat.SangatKurang)]
    [InlineData(Predikat.ButuhPerbaikan)]
    public void A_predikat_below_Baik_never_sits_in_boxes_7_to_9_whatever_the_potential(Predikat predikat) =>
        Enum.GetValues<Potential>().Select(p => NineBox.For(predikat, p).Number).Should().Equal(1, 3, 6);

    [Fact]
    public void Results_above_expectations_with_behaviour_below_is_Kurang_and_lands_in_box_6_not_9()
    {
        var predikat = PredikatTables.Current.For(Rating.DiAtasEkspektasi, Rating.DiBawahEkspektasi);

        NineBox.For(predikat, Potential.Tinggi).Number.Should().Be(6);
    }
}
