using Kinerja.Api.Hosting;
using Kinerja.Application.Audit;

namespace Kinerja.Api.Audit;

/// <summary>
/// <c>verify-chains [--instansi ID]</c>: recomputes the hash chain of every stream, prints each broken one, records and
/// prints the digest of all stream heads (keep it outside the system), and exits 1 when anything is broken, 2 when refused
/// (<see cref="InstansiFlag"/>).
/// </summary>
public static class VerifyChainsCommand
{
    public const string Verb = "verify-chains";

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args)
    {
        await using var work = await InstansiFlag.Open(services, args, Verb);
        if (work is null)
        {
            return 2;
        }

        var trail = work.Services.GetRequiredService<IAuditTrail>();
        var streams = await trail.AllStreams(CancellationToken.None);
        var results = await trail.Verify(streams, CancellationToken.None);
        foreach (var broken in results.Where(r => r.FirstBrokenVersion is not null))
        {
            Console.WriteLine($"BROKEN stream {broken.StreamId} at version {broken.FirstBrokenVersion}: {broken.Problem}");
        }

        var digest = await trail.RecordDigest(CancellationToken.None);
        var brokenCount = results.Count(r => r.FirstBrokenVersion is not null);
        Console.WriteLine($"{results.Count} streams, {results.Sum(r => r.EventsChecked)} events checked, {brokenCount} broken");
        Console.WriteLine($"digest {digest.Id} over {digest.Streams} stream heads: {digest.Digest}");
        return brokenCount == 0 ? 0 : 1;
    }
}
