using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Content(
        Guid StreamId, long Version, string Type, string DataJson, string? UserName, string? CorrelationId, string? CausationId,
        string? Role, string? ActorNip, string? Reason, string? ActorAccount = null);

    public static string Compute(string previousHash, Content e)
    {
        var text = string.Join('\n',
            previousHash, e.StreamId.ToString("N"), e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Type,
            Canonicalise(e.DataJson), e.UserName, e.CorrelationId, e.CausationId, e.Role, e.ActorNip, e.Reason);
        // The acting account joined the chain later (docs/decisions/077): appended only where recorded, so older links hash as they did.
        if (e.ActorAccount is { } account)
        {
            text += "\n" + account;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Canonicalise(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString(Canonical) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
