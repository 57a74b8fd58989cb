using System.Text;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// The secret the hash chains and digests are keyed with (<c>Kinerja:Audit:ChainKey</c>), held by the service's configuration and never by
/// the database, so that write access to the tables is not enough to seal a rewritten history anew (docs/decisions/127).
/// Without one, links and digests are unkeyed as they were before; outside Development the service refuses to start without one.
/// </summary>
public sealed class ChainKey(string? secret)
{
    public const string Setting = "Kinerja:Audit:ChainKey";

    /// <summary>The scheme recorded on keyed seals and digests.</summary>
    public const string Scheme = "hmac-sha256/2";

    public byte[]? Secret { get; } = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);

    public string? SchemeInUse => Secret is null ? null : Scheme;

    public static ChainKey From(IConfiguration configuration) => new(configuration[Setting]);

    /// <summary>The link a new event is sealed with: keyed when a key is configured.</summary>
    public string Seal(string previousHash, ChainHash.Content e) =>
        Secret is { } key ? ChainHash.Keyed(key, previousHash, e) : ChainHash.Compute(previousHash, e);
}
