using System.Text;
using System.Text.Json;
using Kinerja.Application.Audit;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// Every digest the service records is also appended, as one JSON line, to <c>digests.jsonl</c> in the directory configured as
/// <c>Kinerja:Audit:DigestDirectory</c>: a copy outside the database, so that someone who can write to the database cannot replace the digests
/// kept there as well. The file is only ever opened for appending; make the directory append-only for the service's account (for example
/// <c>chattr +a</c>, or a write-once bucket mounted there) so the service itself cannot rewrite it either (docs/decisions/127).
/// </summary>
public sealed class DigestArchive(string? directory)
{
    public const string Setting = "Kinerja:Audit:DigestDirectory";

    public const string FileName = "digests.jsonl";

    public string? FilePath => string.IsNullOrWhiteSpace(directory) ? null : Path.Combine(directory, FileName);

    public static DigestArchive From(IConfiguration configuration) => new(configuration[Setting]);

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
