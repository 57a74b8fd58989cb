using System.Text;
using System.Text.Json;
using Kinerja.Application.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// Every digest the service records is also appended, as one JSON line, to <c>digests.jsonl</c> in the directory configured as
/// <c>Kinerja:Audit:DigestDirectory</c>: a copy outside the database, so that someone who can write to the database cannot replace the digests
/// kept there as well. The file is only ever opened for appending; make the directory append-only for the service's account (for example
/// <c>chattr +a</c>, or a write-once bucket mounted there) so the service itself cannot rewrite it either (docs/decisions/127).
/// With tenancy on, each instansi's digests go to a file of their own, <c>digests-ID.jsonl</c>, the default instansi's staying in
/// <c>digests.jsonl</c> (docs/decisions/145): a digest is checked against the chains of the database it was taken from.
/// </summary>
public sealed class DigestArchive(string? directory, Tenancy.TenantScope scope, Tenancy.TenancySettings tenancy)
{
    public const string Setting = "Kinerja:Audit:DigestDirectory";

    public const string FileName = "digests.jsonl";

    public string? FilePath => string.IsNullOrWhiteSpace(directory) ? null
        : Path.Combine(directory, scope.Id is { } instansi && instansi != tenancy.DefaultTenant ? $"digests-{instansi}.jsonl" : FileName);

    /// <summary>One per scope: the scope's instansi names the file.</summary>
    public static DigestArchive From(IConfiguration configuration, IServiceProvider scope) =>
        new(configuration[Setting], scope.GetRequiredService<Tenancy.TenantScope>(), scope.GetRequiredService<Tenancy.TenancySettings>());

    /// <summary>Written before the digest is stored in the database: a line without its row is still a true digest of the heads it names.</summary>
    public async Task Append(ChainDigest digest, CancellationToken ct)
    {
        if (FilePath is not { } path)
        {
            return;
        }

        Directory.CreateDirectory(directory!);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(digest, JsonSerializerOptions.Web) + "\n");
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await file.WriteAsync(line, ct);
        file.Flush(flushToDisk: true);
    }

    /// <summary>The digests kept in the file, oldest first; none when no directory is configured or nothing was written yet.</summary>
    public IReadOnlyList<KeptDigest> Kept() =>
        FilePath is { } path && File.Exists(path)
            ? [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<KeptDigest>(l, JsonSerializerOptions.Web)!)]
            : [];
}
