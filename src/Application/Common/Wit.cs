using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kinerja.Application.Common;

/// <summary>Waktu Indonesia Timur (UTC+09:00, no daylight saving): Ambon's calendar, in which periods and effective dates are kept.</summary>
public static class Wit
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>How every answer shows an instant: WIT offset, millisecond precision (docs/decisions/078).</summary>
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    /// <summary>The start of the instant's millisecond, in UTC: instants are compared at the precision they are shown with.</summary>
    public static DateTimeOffset MillisecondOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The instant as every answer shows it, e.g. 2026-03-01T10:00:00.000+09:00.</summary>
    public static string Show(DateTimeOffset at) => at.ToOffset(Offset).ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// An ISO 8601 instant with any offset or Z. A '+' typed unencoded in a query string arrives as a space (form
    /// encoding), so a space before the offset is read back as '+'. A date or time without an offset is refused: it
    /// would be read in the server's zone.
    /// </summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space > 10 && trimmed.IndexOf(':', space) > space)
        {
            trimmed = string.Concat(trimmed.AsSpan(0, space), "+", trimmed.AsSpan(space + 1));
        }

        return HasOffset(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOfAny(['T', 't', ' ']);
        return time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', '-'], time) > 0);
    }
}

/// <summary>Instants in JSON: read with any ISO 8601 offset (none is refused), written as <see cref="Wit.Show"/> does.</summary>
public sealed class WitInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Wit.TryParseInstant(reader.GetString(), out var at) ? at : throw new JsonException("An instant is ISO 8601 with an offset or Z.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Wit.Show(value));
}
