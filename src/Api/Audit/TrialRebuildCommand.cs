using Kinerja.Api.Hosting;
using Kinerja.Application.Audit.TryingReadModels;
using Kinerja.Application.Common;

namespace Kinerja.Api.Audit;

/// <summary>
/// <c>trial-rebuild [PROJECTION|--all] [--instansi ID]</c>: rebuilds read models from the events into a scratch schema, prints every
/// difference from the live documents (id, field path, live and rebuilt value), drops the scratch schema, and exits 1
/// when anything differs (2 for an unknown projection or a refused instansi, <see cref="InstansiFlag"/>).
/// </summary>
public static class TrialRebuildCommand
{
    public const string Verb = "trial-rebuild";

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args)
    {
        await using var work = await InstansiFlag.Open(services, args);
        if (work is null)
        {
            return 2;
        }

        var projection = work.Rest is [var name] && name != "--all" ? name : null;
        ReadModelTrialReport report;
        try
        {
            report = await work.Services.GetRequiredService<IReadModelTrial>().Run(projection, CancellationToken.None);
        }
        catch (NotFound unknown)
        {
            Console.Error.WriteLine(unknown.Message);
            return 2;
        }

        foreach (var d in report.Differences)
        {
            Console.WriteLine($"DIFF {d.Projection} {d.DocumentId} {d.Path}: live {d.Live ?? "(missing)"} rebuilt {d.Rebuilt ?? "(missing)"}");
        }

        Console.WriteLine($"{report.Projections.Count} projections, {report.DocumentsCompared} documents compared, {report.Differences.Count} differences");
        return report.Differences.Count == 0 ? 0 : 1;
    }
}
