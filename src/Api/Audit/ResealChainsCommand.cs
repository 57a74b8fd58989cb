using Kinerja.Api.Hosting;
using Kinerja.Infrastructure.Audit;

namespace Kinerja.Api.Audit;

/// <summary>
/// <c>reseal-chains [--instansi ID]</c>: once, after <c>Kinerja:Audit:ChainKey</c> is first configured, seals every intact stream anew with the key (decision
/// 127), prints each broken stream it left alone and the digest it recorded; exits 1 when a stream was broken, 2 without a key or when refused (<see cref="InstansiFlag"/>).
/// </summary>
public static class ResealChainsCommand
{
    public const string Verb = "reseal-chains";

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args)
    {
        await using var work = await InstansiFlag.Open(services, args, Verb);
        if (work is null)
        {
            return 2;
        }

        ResealResult result;
        try
        {
            result = await work.Services.GetRequiredService<ChainResealer>().Reseal(CancellationToken.None);
        }
        catch (ChainKeyMissing e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        foreach (var broken in result.Broken)
        {
            Console.WriteLine($"BROKEN stream {broken.StreamId} at version {broken.FirstBrokenVersion}: {broken.Problem} (left unkeyed)");
        }

        Console.WriteLine($"{result.Resealed} streams sealed with the chain key, {result.AlreadyKeyed} already keyed, {result.Broken.Count} broken");
        Console.WriteLine($"digest {result.Digest!.Id} over {result.Digest.Streams} stream heads: {result.Digest.Digest}");
        return result.Broken.Count == 0 ? 0 : 1;
    }
}
