namespace Kinerja.Domain;

/// <summary>
/// Who did something, recorded the same way in events, read models, the feed and the audit (docs/decisions/077):
/// an ASN by <paramref name="Nip"/>, the key a mirror joins to the registry; <paramref name="Account"/> the credential
/// that acted (a token's subject, or the name of a service of this system such as the scheduler), the only key of an
/// account that is not an ASN; <paramref name="Role"/> the role acted in; <paramref name="Name"/> the display name at the time.
/// </summary>
public sealed record Actor(string? Nip, string? Account, string? Role, string Name)
{
    public const string ServiceRole = "system";

    /// <summary>A service of this system acting on its own (no user, no NIP).</summary>
    public static Actor Service(string name) => new(null, name, ServiceRole, name);

    /// <summary>
    /// The actor of an act recorded before actors were records, when only a string was kept: a token's display name,
    /// a NIP, or a service's name. A NIP-shaped value is taken as the NIP; role and account were not recorded with it.
    /// </summary>
    public static Actor FromLegacy(string value) =>
        value.Length == 18 && value.All(char.IsAsciiDigit) ? new Actor(value, null, null, value) : new Actor(null, null, null, value);
}
