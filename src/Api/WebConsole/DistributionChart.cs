using System.Globalization;
using System.Net;
using System.Text;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// The kurva distribusi as an inline SVG: one bar per predikat (share of the unit's final appraisals) and, for the unit's result,
/// each bound of the guidance drawn as a dashed line across the bars it covers, labelled and marked when breached. Hand-written
/// rather than a plotting library: five bars and a few lines need no dependency, and the markup stays accessible (decision 136).
/// </summary>
public static class DistributionChart
{
    private const int Width = 640, Height = 350, Left = 56, Right = 16, Top = 24, Bottom = 92;
    private const string Bar = "#1f5f8b", Holds = "#1b4332", Breached = "#a4161a", Ink = "#1a1a1a", Grid = "#c8c8c8";

    public static string Svg(IReadOnlyDictionary<Predikat, int> counts, UnitResult? result, ConsoleText text)
    {
        var classes = Enum.GetValues<Predikat>();
        var total = counts.Values.Sum();
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / (double)classes.Length;
        double Y(decimal share) => Top + plotHeight * (1 - (double)share);
        decimal Share(int n) => total == 0 ? 0 : (decimal)n / total;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">{Encode(text["chartTitle"])}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"chart-desc\">{Encode(Describe(counts, result, text))}</desc>");
        foreach (var tick in new[] { 0m, 0.25m, 0.5m, 0.75m, 1m })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{tick * 100:0}%</text>");
        }

        for (var i = 0; i < classes.Length; i++)
        {
            var n = counts.GetValueOrDefault(classes[i]);
            var x = Left + slot * i + slot * 0.2;
            var y = Y(Share(n));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.6:0.#}\" height=\"{Top + plotHeight - y:0.#}\" fill=\"{Bar}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot * 0.3:0.#}\" y=\"{y - 6:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{n} ({Share(n) * 100:0.#}%)</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot * 0.3:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Encode(text.Predikat(classes[i]))}</text>");
        }

        if (result is { } unitResult)
        {
            var row = 0;
            foreach (var bound in DistributionGuidance.For(unitResult))
            {
                var first = bound.Classes.Min(c => Array.IndexOf(classes, c));
                var last = bound.Classes.Max(c => Array.IndexOf(classes, c));
                var colour = bound.Holds(counts) ? Holds : Breached;
                var x1 = Left + slot * first + slot * 0.1;
                var x2 = Left + slot * (last + 1) - slot * 0.1;
                var level = bound.MaxShare ?? bound.MinShare;
                var y = level is { } share ? Y(share) : Top + plotHeight - 4;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<line x1=\"{x1:0.#}\" x2=\"{x2:0.#}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-width=\"3\" stroke-dasharray=\"8 4\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{x1:0.#}\" y=\"{Height - Bottom + 36 + 14 * row:0.#}\" font-size=\"12\" fill=\"{colour}\">{Encode(Bound(bound, text))}: {Encode(bound.Holds(counts) ? text["holds"] : text["breached"])}</text>");
                row++;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A bound in the console's language, from its structure (the guidance's own description is English).</summary>
    public static string Bound(DistributionBound bound, ConsoleText text)
    {
        var classes = string.Join(" + ", bound.Classes.Select(text.Predikat));
        return (bound.MinShare, bound.MaxShare, bound.AtLeastOne) switch
        {
            (_, _, true) => $"{classes} {text["atLeastOne"]}",
            ({ } min, _, _) => $"{classes} {text["min"]} {min * 100:0}%",
            (_, { } max, _) => $"{classes} {text["max"]} {max * 100:0}%",
            _ => classes,
        };
    }

    private static string Describe(IReadOnlyDictionary<Predikat, int> counts, UnitResult? result, ConsoleText text) =>
        string.Join("; ", Enum.GetValues<Predikat>().Select(p => $"{text.Predikat(p)} {counts.GetValueOrDefault(p)}"))
        + (result is { } r ? ". " + string.Join("; ", DistributionGuidance.For(r).Select(b => $"{Bound(b, text)}: {(b.Holds(counts) ? text["holds"] : text["breached"])}")) : "");

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
