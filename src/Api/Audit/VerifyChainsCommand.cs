using Kinerja.Application.Audit;

namespace Kinerja.Api.Audit;

/// <summary>
/// <c>verify-chains</c>: recomputes the hash chain of every stream, prints each broken one, records and
/// prints the digest of all stream heads (keep it outside the system), and exits 1 when anything is broken.
/// </summary>
public static class VerifyChainsCommand
{
    public const string Verb = "verify-chains";

    public static async Task<int> Run(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
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
