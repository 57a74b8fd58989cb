using Kinerja.Application.Common;

namespace Kinerja.Api.Http;

/// <summary>
/// An instant in a query string (ISO 8601 with any offset or Z, also a '+' left unencoded), handed on in UTC:
/// PostgreSQL compares instants, but Npgsql refuses to send one with another offset (docs/decisions/078).
/// </summary>
public readonly record struct Instant(DateTimeOffset Utc)
{
    public static bool TryParse(string? value, IFormatProvider? provider, out Instant instant)
    {
        var parsed = Wit.TryParseInstant(value, out var at);
        instant = new Instant(at.ToUniversalTime());
        return parsed;
    }

    public override string ToString() => Wit.Show(Utc);
}
