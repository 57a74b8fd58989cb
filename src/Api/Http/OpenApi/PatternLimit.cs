using System.Text.RegularExpressions;

namespace Kinerja.Api.Http.OpenApi;

/// <summary>
/// The longest string an anchored pattern such as <c>^[A-Za-z0-9][A-Za-z0-9-]{1,31}$</c> accepts (32), so a validator's pattern is also
/// its <c>maxLength</c>; null when the pattern is open-ended (<c>*</c>, <c>+</c>, alternation) or not anchored at both ends.
/// </summary>
public static partial class PatternLimit
{
    public static int? MaxLength(string pattern)
    {
        if (!pattern.StartsWith('^') || !pattern.EndsWith('$') || pattern.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }

        var total = 0;
        foreach (Match atom in Atom().Matches(pattern[1..^1]))
        {
            if (!atom.Success)
            {
                return null;
            }

            var quantifier = atom.Groups["q"].Value;
            if (quantifier is "*" or "+" || quantifier.EndsWith(",}", StringComparison.Ordinal))
            {
                return null;
            }

            total += quantifier switch
            {
                "" => 1,
                "?" => 1,
                _ => int.Parse(quantifier.Trim('{', '}').Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return Atom().Replace(pattern[1..^1], "").Length == 0 ? total : null;
    }

    /// <summary>One character class, escape or literal, with an optional quantifier.</summary>
    [GeneratedRegex(@"(?:\[(?:\\.|[^\]])+\]|\\[dDwWsS.\-+]|[^\\\[\]{}()*+?|^$])(?<q>\{\d+(?:,\d*)?\}|\?|\*|\+)?")]
    private static partial Regex Atom();
}
