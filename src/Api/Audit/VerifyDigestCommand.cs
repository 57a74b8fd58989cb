using System.Globalization;
using System.Text.Json;
using Kinerja.Api.Hosting;
using Kinerja.Application.Audit;
using Kinerja.Application.Audit.VerifyingDigest;
using Kinerja.Application.Common;

namespace Kinerja.Api.Audit;

/// <summary>
/// <c>verify-digest FILE.json</c> (a digest as <c>GET /audit/digests</c> gave it) or <c>verify-digest DIGEST RECORDED-AT [THROUGH-SEQUENCE]</c>:
/// recomputes the digest from today's events, prints the verdict, each stream broken today and each stream written since, and exits 0
/// when the history the digest covers is unchanged, 1 when it changed, 2 when the arguments are not a digest or the instansi is refused.
/// Each form takes <c>--instansi ID</c> (<see cref="InstansiFlag"/>): the chains of that instansi's database.
/// <c>verify-digest --archive</c> checks every digest in the configured archive outside the database (decision 127) the same way.
/// </summary>
public static class VerifyDigestCommand
{
    public const string Verb = "verify-digest";

    public const string Archive = "--archive";

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args)
    {
        await using var work = await InstansiFlag.Open(services, args);
        if (work is null)
        {
            return 2;
        }

        if (work.Rest is [Archive])
        {
            return await RunArchive(work.Services);
        }

        if (Kept(work.Rest) is not { } kept)
        {
            Console.Error.WriteLine($"usage: {Verb} FILE.json | {Verb} DIGEST RECORDED-AT [THROUGH-SEQUENCE] | {Verb} {Archive}, each {InstansiFlag.Usage} (RECORDED-AT as ISO 8601 with an offset)");
            return 2;
        }

        var comparison = await work.Services.GetRequiredService<IAuditEvidence>().Compare(kept, CancellationToken.None);
        var result = DigestVerdict.Of(kept, comparison, new Page<StreamChange>(comparison.Changed, null));
        foreach (var broken in result.Broken)
        {
            Console.WriteLine($"BROKEN stream {broken.StreamId} at version {broken.FirstBrokenVersion}: {broken.Problem}");
        }

        foreach (var change in comparison.Changed)
        {
            Console.WriteLine($"CHANGED stream {change.StreamId}: version {change.VersionThen?.ToString(CultureInfo.InvariantCulture) ?? "(new)"} -> {change.VersionNow}, last at {Wit.Show(change.LastRecordedAt)}");
        }

        Console.WriteLine($"kept {result.KeptDigest} recomputed {result.RecomputedDigest} over {result.StreamsThen} stream heads through sequence {result.ThroughSequence}");
        Console.WriteLine(result.Verdict);
        return result.Matches ? 0 : 1;
    }

    /// <summary>Each archived digest, oldest first: one line per digest, then the first that no longer matches in full.</summary>
    private static async Task<int> RunArchive(IServiceProvider scope)
    {
        var archive = scope.GetRequiredService<Kinerja.Infrastructure.Audit.DigestArchive>();
        var kept = archive.Kept();
        if (kept.Count == 0)
        {
            Console.Error.WriteLine($"No archived digests: {Kinerja.Infrastructure.Audit.DigestArchive.Setting} is not configured or {archive.FilePath} holds none.");
            return 2;
        }

        var evidence = scope.GetRequiredService<IAuditEvidence>();
        DigestVerification? firstChanged = null;
        foreach (var digest in kept)
        {
            var comparison = await evidence.Compare(digest, CancellationToken.None);
            var result = DigestVerdict.Of(digest, comparison, new Page<StreamChange>([], null));
            Console.WriteLine($"{(result.Matches ? "UNCHANGED" : "CHANGED")} {digest.Digest} recorded {Wit.Show(digest.RecordedAt)} over {result.StreamsThen} stream heads");
            firstChanged ??= result.Matches ? null : result;
        }

        Console.WriteLine(firstChanged?.Verdict ?? $"All {kept.Count} archived digests match today's history.");
        return firstChanged is null ? 0 : 1;
    }

    private static KeptDigest? Kept(IReadOnlyList<string> args)
    {
        try
        {
            return args switch
            {
                [var file] => JsonSerializer.Deserialize<KeptDigest>(File.ReadAllText(file), JsonSerializerOptions.Web) is { } copy
                    ? copy with { Digest = copy.Digest.ToLowerInvariant() }
                    : null,
                [var digest, var at] => new KeptDigest(digest.ToLowerInvariant(), DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), null, null),
                [var digest, var at, var through] => new KeptDigest(digest.ToLowerInvariant(), DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), null,
                    long.Parse(through, CultureInfo.InvariantCulture)),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
