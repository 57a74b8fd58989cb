using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Kinerja.Api.Auth;
using Kinerja.Api.Generating;
using Kinerja.Api.Hosting;
using Kinerja.Application.Common;
using Kinerja.Application.Generating;
using Kinerja.Infrastructure.ReadModels;
using Marten;
using static System.FormattableString;

namespace Kinerja.Api.Benchmarking;

/// <summary>
/// <c>benchmark [--employees N] [--seed S] [--iterations I]</c>, on an empty database: generates a city,
/// rebuilds every projection from scratch, starts the host, times the query probes over HTTP and prints
/// the peak memory of this process. <c>scripts/benchmark.sh</c> gives it a scratch PostgreSQL.
/// </summary>
public static class BenchmarkCommand
{
    public const string Verb = "benchmark";

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var options = CliOptions.Parse(args);
        if (!options.Int("employees", 10_000, CityGenerator.MinEmployees, out var employees) || !options.Int("seed", 1, 0, out var seed)
            || !options.Int("iterations", 500, 1, out var iterations))
        {
            Console.Error.WriteLine($"usage: {Verb} [--employees N] [--seed S] [--iterations I]");
            return 2;
        }

        var ct = CancellationToken.None;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var city = await app.Services.GetRequiredService<CityGenerator>().Generate(employees, seed, ct, line => Console.WriteLine("  " + line));
        Console.WriteLine("write:    " + GenerateCityCommand.Describe(city));
        Console.WriteLine(Invariant($"          peak memory so far {PeakMemoryMiB()} MiB"));

        // The first rebuild in a process also pays for generating and compiling the daemon's code; the second shows
        // the steady rate a rebuild in a running service gets. Both are printed.
        var rebuilder = app.Services.GetRequiredService<ReadModelRebuild>();
        foreach (var round in new[] { "cold", "warm" })
        {
            var rebuild = await rebuilder.RebuildAll(TimeSpan.FromMinutes(30), ct);
            foreach (var projection in rebuild.Projections)
            {
                Console.WriteLine(Invariant($"  rebuilt {projection.Projection,-45} {projection.Elapsed.TotalSeconds,7:0.0} s"));
            }

            Console.WriteLine(Invariant($"rebuild:  ({round}) {rebuild.Projections.Count} projections from {rebuild.Events} events in {rebuild.Elapsed.TotalSeconds:0.0} s ({rebuild.EventsPerSecond:0} events/s); peak memory so far {PeakMemoryMiB()} MiB"));
        }

        // Two rebuilds leave every read-model table full of dead rows and without statistics; a running service's
        // autovacuum clears that within minutes, so the queries are timed after doing the same at once.
        var vacuum = Stopwatch.StartNew();
        await using (var connection = new Npgsql.NpgsqlConnection(app.Configuration.GetConnectionString(Kinerja.Infrastructure.DependencyInjection.ConnectionStringName)))
        {
            await connection.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync(ct);
        }

        Console.WriteLine(Invariant($"vacuum:   vacuum analyze after the rebuilds in {vacuum.Elapsed.TotalSeconds:0.0} s"));
        await app.StartAsync(ct);
        var catchUp = Stopwatch.StartNew();
        // The integration feed reads every generated event through the async daemon once the host starts;
        // probing while it catches up would time the catch-up.
        await app.Services.GetRequiredService<ReadModelRebuild>().WaitForFeed(TimeSpan.FromMinutes(30), ct);
        Console.WriteLine(Invariant($"feed:     async daemon caught up in {catchUp.Elapsed.TotalSeconds:0.0} s"));

        var token = TokenIssuer.Issue(AuthSettings.From(app.Configuration), Roles.HrAdmin, null, "benchmark", TimeSpan.FromHours(4));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var probe in QueryProbes.All)
        {
            Console.WriteLine("query:    " + QueryProbes.Describe(await QueryProbes.Measure(http, probe, city, iterations, ct)));
        }

        Console.WriteLine(Invariant($"memory:   peak (VmHWM) {PeakMemoryMiB()} MiB"));
        await app.StopAsync(ct);
        return 0;
    }

    /// <summary>The resident set's high-water mark of this process, from /proc (Linux).</summary>
    private static long PeakMemoryMiB() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
}
