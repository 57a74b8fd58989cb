using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Domain;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// Reads an actor as stored: an object, or the plain string that events and read models held before actors were
/// records (docs/decisions/077). Stored JSON is never rewritten, so the hash chains over it stay intact.
/// </summary>
internal sealed class ActorJsonConverter : JsonConverter<Actor>
{
    public override Actor? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Actor.FromLegacy(reader.GetString()!),
        JsonTokenType.Null => null,
        _ => JsonSerializer.Deserialize<Stored>(ref reader, options) is { } s ? new Actor(s.Nip, s.Account, s.Role, s.Name ?? s.Account ?? s.Nip ?? "unknown") : null,
    };

    public override void Write(Utf8JsonWriter writer, Actor value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Stored(value.Nip, value.Account, value.Role, value.Name), options);

    private sealed record Stored(string? Nip, string? Account, string? Role, string? Name);
}
