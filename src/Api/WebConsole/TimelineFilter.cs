using System.Globalization;
using Kinerja.Application.Common;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// The timeline's filters as a form sends them: WIT wall-clock times from <c>datetime-local</c> inputs (no offset: the console says
/// its times are WIT, so they are read as WIT, never in the server's zone), an event type and the paging position.
/// </summary>
public sealed record TimelineFilter(string? From, string? To, string? Type, long? After)
{
    public static TimelineFilter Of(HttpRequest request) => new(
        Text(request.Query["from"]), Text(request.Query["to"]), Text(request.Query["type"]),
        long.TryParse(request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : null);

    public DateTimeOffset? FromInstant => Wall(From);

    public DateTimeOffset? ToInstant => Wall(To);

    public IReadOnlyList<string>? Types => Type is null ? null : [Type];

    /// <summary>A WIT wall-clock time (<c>2026-09-30T17:00</c>, seconds optional); null when empty or unreadable.</summary>
    public static DateTimeOffset? Wall(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Wit.Offset)
            : null;

    public string Query(long? after = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("from", From);
        Add("to", To);
        Add("type", Type);
        Add("after", after?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
