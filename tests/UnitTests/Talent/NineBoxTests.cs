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
}
