using System.Net.Http.Headers;
using Kinerja.Api.Auth;
using Kinerja.Application.Common;
using Kinerja.Tools.Generating;
using Marten;
using Npgsql;
using static System.FormattableString;

namespace Kinerja.Tools.Benchmarking;

/// <summary>
/// <c>scale-probes --city URL --province URL [--city-schema S] [--province-schema S] [--iterations I] [--warm-pass N] [--rounds R]</c>:
/// the read probes of two running services, a kept city's and a kept province's (<c>scripts/benchmark.sh --scale-probes</c> starts them),
/// timed alternately request by request from this process (docs/decisions/177), and every probe's province p99 divided by the city's
/// (issue 18's target: 1.5). This process serves nothing: it reads the facts the probes address from both schemas and sends the requests.
/// </summary>
public static class ScaleProbesCommand
{
    public const string Verb = "scale-probes";

    private const string Usage = $"usage: {Verb} --city URL --province URL [--city-schema S] [--province-schema S] [--iterations I] [--warm-pass N] [--rounds R]";

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var options = CliOptions.Parse(args);
        if (options.Value("city") is not { } cityUrl || options.Value("province") is not { } provinceUrl
            || !options.Int("iterations", 1000, 1, out var iterations) || !options.Int("warm-pass", 300, 0, out var warmPass)
            || !options.Int("rounds", 2, 1, out var rounds))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var ct = CancellationToken.None;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var sides = new[] { ("city", cityUrl, options.Value("city-schema") ?? "benchmark_city"), ("province", provinceUrl, options.Value("province-schema") ?? "kinerja") };
        var token = TokenIssuer.Issue(AuthSettings.From(app.Configuration), Roles.HrAdmin, null, "benchmark", TimeSpan.FromHours(4));
        var clients = new List<(string Name, HttpClient Http, CitySummary Facts)>();
        foreach (var (name, url, schema) in sides)
        {
            await app.Services.GetRequiredService<ReadModelRebuild>().WaitForFeed(TimeSpan.FromMinutes(30), ct, schema);
            var http = new HttpClient { BaseAddress = new Uri(url) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var facts = await KeptCity.Read(store, ct, schema);
            Console.WriteLine(Invariant($"{name + ":",-9} schema {schema}, {facts.Employees:N0} ASN, {facts.Events:N0} events, at {url}; busiest unit {facts.BusiestUnit}"));
            clients.Add((name, http, facts));
        }

        if (warmPass > 0)
        {
            foreach (var (_, http, facts) in clients)
            {
                await QueryProbes.Warm(http, facts, warmPass, ct);
            }

            Console.WriteLine(Invariant($"warm:     {warmPass} untimed requests of every probe on each side first"));
        }

        var statements = await Statements.Open(store, [.. sides.Select(side => side.Item3)], ct);
        Console.WriteLine(statements is null
            ? "database: pg_stat_statements is not loaded in the cluster; PostgreSQL's time a request is not printed"
            : "database: PostgreSQL's time a request (execution and planning of every statement naming the side's schema) is printed per probe");
        var ratios = new double[rounds][];
        var databaseRatios = new double?[rounds][];
        for (var round = 0; round < rounds; round++)
        {
            Console.WriteLine(Invariant($"== round {round + 1}, load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}"));
            ratios[round] = new double[QueryProbes.All.Count];
            databaseRatios[round] = new double?[QueryProbes.All.Count];
            for (var p = 0; p < QueryProbes.All.Count; p++)
            {
                var probe = QueryProbes.All[p];
                await (statements?.Reset(ct) ?? Task.CompletedTask);
                var results = await QueryProbes.MeasureAlternated(probe.Name, [.. clients.Select(c => (c.Http, probe.Path(c.Facts)))], iterations, ct);
                ratios[round][p] = results[1].P99Ms / results[0].P99Ms;
                foreach (var (result, side) in results.Zip(clients))
                {
                    Console.WriteLine(Invariant($"query:    {side.Name,-9}") + QueryProbes.Describe(result));
                }

                if (statements is not null)
                {
                    // Every request the loop sent since the reset: its untimed first requests too.
                    var perRequest = await statements.MsBySchema(iterations + QueryProbes.UntimedFirst(iterations), ct);
                    databaseRatios[round][p] = perRequest[1] / perRequest[0];
                    Console.WriteLine(Invariant($"          PostgreSQL a request: city {perRequest[0]:0.000} ms, province {perRequest[1]:0.000} ms (×{databaseRatios[round][p]:0.00})"));
                }
            }
        }

        Console.WriteLine(Invariant($"\nscale:    province p99 / city p99 by round (target {ScaleComparison.ProbeP99Target}), requests alternated between the two services; in brackets PostgreSQL's time a request, province / city"));
        for (var p = 0; p < QueryProbes.All.Count; p++)
        {
            Console.WriteLine(Invariant($"  {QueryProbes.All[p].Name,-40} ") + string.Join("   ", Enumerable.Range(0, rounds).Select(r =>
                Invariant($"{ratios[r][p],5:0.00}{(ratios[r][p] <= ScaleComparison.ProbeP99Target ? ' ' : '*')}")
                + (databaseRatios[r][p] is { } d ? Invariant($" ({d:0.00})") : ""))));
        }

        for (var round = 0; round < rounds; round++)
        {
            Console.WriteLine(Invariant($"round {round + 1}: {ratios[round].Count(r => r <= ScaleComparison.ProbeP99Target)} of {QueryProbes.All.Count} probes within {ScaleComparison.ProbeP99Target}x (* marks a miss)"));
        }

        foreach (var (_, http, _) in clients)
        {
            http.Dispose();
        }

        return 0;
    }

    /// <summary>
    /// PostgreSQL's own time for each side's statements (<c>pg_stat_statements</c>, when the cluster loads it): what the database spends
    /// on a request, without the service's and the machine's share that the latencies carry alike on both sides (decision 177). A
    /// statement is the side's when it names the side's schema (Marten qualifies every table); the background's statements (the
    /// daemon's and Wolverine's polls, about 0.01 ms a request at stop 35) are counted with them.
    /// </summary>
    private sealed class Statements(IDocumentStore store, IReadOnlyList<string> schemas)
    {
        public static async Task<Statements?> Open(IDocumentStore store, IReadOnlyList<string> schemas, CancellationToken ct)
        {
            var statements = new Statements(store, schemas);
            if (await statements.Scalar<bool>("select 'pg_stat_statements' = any(string_to_array(current_setting('shared_preload_libraries'), ','))", ct) is false)
            {
                return null;
            }

            await statements.Scalar<object>("create extension if not exists pg_stat_statements", ct);
            return statements;
        }

        public Task Reset(CancellationToken ct) => Scalar<object>("select pg_stat_statements_reset()", ct);

        /// <summary>Milliseconds of execution and planning per request for each schema, in the order given.</summary>
        public async Task<double[]> MsBySchema(int requests, CancellationToken ct)
        {
            var result = new double[schemas.Count];
            for (var i = 0; i < schemas.Count; i++)
            {
                result[i] = await Scalar<double>(
                    "select coalesce(sum(total_exec_time + total_plan_time), 0)::float8 from pg_stat_statements "
                    + $"where dbid = (select oid from pg_database where datname = current_database()) and query ~ '\\m{schemas[i]}\\.'", ct) / requests;
            }

            return result;
        }

        private async Task<T> Scalar<T>(string sql, CancellationToken ct)
        {
            await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            return (T)(await command.ExecuteScalarAsync(ct) ?? default(T)!);
        }
    }
}
