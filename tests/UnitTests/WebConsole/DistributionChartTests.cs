using System.Xml.Linq;
using Kinerja.Api.WebConsole;
using Kinerja.Domain.Evaluations;
using static Kinerja.UnitTests.WebConsole.ConsoleLanguage;

namespace Kinerja.UnitTests.WebConsole;

public sealed class DistributionChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Dictionary<Predikat, int> Counts(int sangatBaik, int baik, int butuhPerbaikan, int kurang, int sangatKurang) => new()
    {
        [Predikat.SangatBaik] = sangatBaik, [Predikat.Baik] = baik, [Predikat.ButuhPerbaikan] = butuhPerbaikan,
        [Predikat.Kurang] = kurang, [Predikat.SangatKurang] = sangatKurang,
    };

    [Fact]
    public void Each_predikat_is_a_bar_as_tall_as_its_share_and_each_bound_of_the_result_a_dashed_line_marked_held_or_breached()
    {
        var chart = XElement.Parse(DistributionChart.Svg(Counts(1, 3, 0, 0, 0), UnitResult.Baik, Text()));

        var bars = chart.Elements(Svg + "rect").Select(r => double.Parse(r.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        bars.Should().HaveCount(5);
        (bars[1] / bars[0]).Should().BeApproximately(3, 0.01, "three Baik against one Sangat Baik");
        bars.Skip(2).Should().AllSatisfy(h => h.Should().Be(0));
        chart.Elements(Svg + "line").Count(l => l.Attribute("stroke-dasharray") is not null).Should().Be(2, "result Baik has two bounds");
        var labels = chart.Elements(Svg + "text").Select(t => t.Value).ToList();
        labels.Should().Contain("Baik maks 70%: dilanggar").And.Contain("Butuh Perbaikan + Kurang minimal satu: dilanggar").And.Contain("3 (75%)");
        chart.Attribute("role")!.Value.Should().Be("img");
        chart.Element(Svg + "desc")!.Value.Should().Contain("Sangat Baik 1; Baik 3");
    }

    [Fact]
    public void A_spread_inside_the_guidance_is_drawn_as_held_and_in_English_when_asked()
    {
        var chart = XElement.Parse(DistributionChart.Svg(Counts(1, 6, 2, 1, 0), UnitResult.Baik, Text("en")));

        chart.Elements(Svg + "text").Select(t => t.Value).Should().Contain("Baik max 70%: holds").And.Contain("Butuh Perbaikan + Kurang at least one: holds");
    }

    [Fact]
    public void Without_the_unit_result_no_bound_is_drawn_and_an_empty_unit_has_flat_bars()
    {
        var chart = XElement.Parse(DistributionChart.Svg(Counts(0, 0, 0, 0, 0), null, Text()));

        chart.Elements(Svg + "line").Should().NotContain(l => l.Attribute("stroke-dasharray") != null);
        chart.Elements(Svg + "rect").Should().AllSatisfy(r => r.Attribute("height")!.Value.Should().Be("0"));
    }

    [Theory]
    [InlineData(UnitResult.Istimewa, "Sangat Baik maks 70%")]
    [InlineData(UnitResult.ButuhPerbaikan, "Butuh Perbaikan min 60%")]
    [InlineData(UnitResult.SangatKurang, "Sangat Baik maks 0%")]
    public void A_bound_is_worded_from_its_structure(UnitResult result, string expected) =>
        DistributionGuidance.For(result).Select(b => DistributionChart.Bound(b, Text())).Should().Contain(expected);
}
