using System.Globalization;

namespace Kinerja.Tools;

/// <summary>The admin verbs' <c>--name value</c> options; a name followed by another option (or nothing) is a flag.</summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return options;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    /// <returns>false when the option is given but is not a whole number from <paramref name="min"/>.</returns>
    public bool Int(string name, int fallback, int min, out int value)
    {
        value = fallback;
        return Value(name) is not { } text || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min);
    }
}
