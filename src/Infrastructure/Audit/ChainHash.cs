using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// The tamper-evidence hash of an event: SHA-256 over the previous event's hash in the same stream and
/// a canonical form of the event (stream, version, type, data, who, correlation, causation, role,
/// acting NIP, reason, acting account where recorded). Canonical JSON sorts keys and fixes escaping, so the .NET serialiser's output
/// at append time and PostgreSQL's jsonb text at verification time hash alike.
/// </summary>
public static class ChainHash
{
    public const string Genesis = "genesis";

    private static readonly JsonWriterOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="Timestamp">The stored timestamp; only keyed links seal it (<see cref="Keyed"/>).</param>
    /// <param name="HeadersJson">Every stored header as JSON; only keyed links seal it.</param>
    public sealed record Content(
        Guid StreamId, long Version, string Type, string DataJson, string? UserName, string? CorrelationId, string? CausationId,
        string? Role, string? ActorNip, string? Reason, string? ActorAccount = null, DateTimeOffset Timestamp = default, string? HeadersJson = null);

    /// <summary>An unkeyed link, as every link was sealed before the chain key (docs/decisions/127): anyone can recompute it.</summary>
    public static string Compute(string previousHash, Content e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(UnkeyedText(previousHash, e))));

    /// <summary>
    /// A keyed link: HMAC-SHA256 with a secret the database does not hold, over what an unkeyed link covers plus the timestamp (to the
    /// microsecond PostgreSQL stores) and every header, so neither can change and a database writer cannot seal a rewrite anew.
    /// </summary>
    public static string Keyed(byte[] key, string previousHash, Content e)
    {
        var text = string.Join('\n', UnkeyedText(previousHash, e), Microseconds(e.Timestamp).ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.HeadersJson is null ? "null" : Canonicalise(e.HeadersJson));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>An instant as PostgreSQL keeps it: whole microseconds since the Unix epoch.</summary>
    public static long Microseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset ToMicrosecond(DateTimeOffset at) => DateTimeOffset.UnixEpoch.AddTicks(Microseconds(at) * 10);

    private static string UnkeyedText(string previousHash, Content e)
    {
        var text = string.Join('\n',
            previousHash, e.StreamId.ToString("N"), e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Type,
            Canonicalise(e.DataJson), e.UserName, e.CorrelationId, e.CausationId, e.Role, e.ActorNip, e.Reason);
        // The acting account joined the chain later (docs/decisions/077): appended only where recorded, so older links hash as they did.
        return e.ActorAccount is { } account ? text + "\n" + account : text;
    }

    /// <summary>
    /// Keys sorted by ordinal, no whitespace, strings escaped by the relaxed encoder, numbers as written: the form every link since the first
    /// was sealed over. Written straight from the parsed document; the earlier form built a sorted node tree and serialised and re-parsed
    /// every leaf, about 6% of a bulk import's processor time as traced (docs/decisions/149), for the same text (ChainHashTests).
    /// </summary>
    public static string Canonicalise(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            WriteSorted(writer, document.RootElement);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

/// <summary>
/// The digest over stream heads: "stream:version:hash" lines, one per stream, ordered by stream id. Unkeyed, SHA-256 of the lines (as
/// before the chain key); keyed, HMAC-SHA256 of the stream count and the lines, so a digest stored in the database cannot be forged either.
/// </summary>
public static class ChainDigests
{
    public static string Of(IEnumerable<(Guid StreamId, long Version, string Hash)> heads, byte[]? key = null)
    {
        var list = heads.OrderBy(h => h.StreamId).ToList();
        var lines = string.Join('\n', list.Select(h => $"{h.StreamId:N}:{h.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{h.Hash}"));
        return key is null
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)))
            : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"streams:{list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{lines}")));
    }
}
