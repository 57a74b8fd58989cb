using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JasperFx;
using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Imports.RunningImport;
using Kinerja.Domain.Employees;
using Kinerja.Infrastructure;
using Kinerja.Tools.Generating;
using Marten;
using static System.FormattableString;

namespace Kinerja.Tools.Benchmarking;

/// <summary>
/// <c>import-benchmark [--employees N] [--seed S]</c>, on an empty database: generates the city's units and employees files, imports
/// them over HTTP into the running host (a dry run of the employees first, then the import, then the same file again), and appends the
/// same employees' events with plain Marten (a store of its own schema, no projections, metadata or seals; the import's batch size per
/// commit) as the floor. Prints rows/s end to end and the ratio to the floor measured in the same run.
/// </summary>
public static class ImportBenchmarkCommand
{
    public const string Verb = "import-benchmark";

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var options = CliOptions.Parse(args);
        if (!options.Int("employees", 10_000, CityGenerator.MinEmployees, out var employees) || !options.Int("seed", 1, 0, out var seed))
        {
            Console.Error.WriteLine($"usage: {Verb} [--employees N] [--seed S]");
            return 2;
        }

        var ct = CancellationToken.None;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var (unitsCsv, employeesCsv) = ImportFiles.For(employees, seed);
        Console.WriteLine(Invariant($"files:    {unitsCsv.Count(c => c == '\n') - 1} units, {employees} employees ({employeesCsv.Length / 1024} KiB), seed {seed}"));
        await app.StartAsync(ct);
        var token = TokenIssuer.Issue(AuthSettings.From(app.Configuration), Roles.HrAdmin, null, "import-benchmark", TimeSpan.FromHours(1));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var units = await Post(http, "Units", unitsCsv, dryRun: false);
        Console.WriteLine("units:    " + units.Line);
        var dry = await Post(http, "Employees", employeesCsv, dryRun: true);
        Console.WriteLine(Invariant($"dry run:  {dry.Line}, {employees / dry.Seconds:0} rows/s"));
        var before = await EventCount(store, ct);
        var meter = CpuMeter.FromEnvironment();
        var cpuBefore = meter.Read();
        var run = await Post(http, "Employees", employeesCsv, dryRun: false);
        var cpu = meter.Read();
        var appended = await EventCount(store, ct) - before;
        var rate = employees / run.Seconds;
        Console.WriteLine(Invariant($"import:   {run.Line}, {appended} events appended, {rate:0} rows/s end to end (target 1,000: {rate / 1000:0.00}x)"));
        Console.WriteLine(Invariant($"cpu:      service {(cpu.Service - cpuBefore.Service).TotalSeconds:0.0} s (async daemon included), database {(cpu.Database - cpuBefore.Database)?.TotalSeconds:0.0} s; load average {File.ReadAllText("/proc/loadavg")[..14]}"));
        var again = await Post(http, "Employees", employeesCsv, dryRun: false);
        Console.WriteLine(Invariant($"again:    {again.Line}, {await EventCount(store, ct) - before - appended} events appended"));

        var floor = await Floor(app, store, ct);
        Console.WriteLine(Invariant($"floor:    plain Marten appended {floor.Events} events in {floor.Seconds:0.00} s, {floor.Events / floor.Seconds:0} events/s; import/floor {rate / (floor.Events / floor.Seconds):0.00}"));
        await app.StopAsync(ct);
        return run.Failed == 0 && appended == employees ? 0 : 1;
    }

    private sealed record Timed(string Line, double Seconds, int Failed);

    private static async Task<Timed> Post(HttpClient http, string kind, string csv, bool dryRun)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync(Routes.Imports.All, new RunImport(Enum.Parse<Application.Imports.ImportKind>(kind), csv, dryRun));
        var body = await response.Content.ReadAsStringAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{kind}: {(int)response.StatusCode} {body}");
        }

        var report = JsonNode.Parse(body)!;
        var failed = report["failed"]!.GetValue<int>();
        var errors = report["errors"]!.AsArray().Take(3).Select(e => Invariant($"line {e!["line"]} {e["code"]}"));
        return new Timed(Invariant($"{report["status"]} {report["done"]} done, {failed} failed in {seconds:0.00} s{(failed > 0 ? " (" + string.Join("; ", errors) + ")" : "")}"),
            seconds, failed);
    }

    private static async Task<long> EventCount(IDocumentStore store, CancellationToken ct) =>
        (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount;

    /// <summary>The registrations the import appended, appended again by bare Marten into a schema of their own, a batch per commit.</summary>
    private static async Task<(int Events, double Seconds)> Floor(WebApplication app, IDocumentStore store, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var registrations = await query.Events.QueryRawEventDataOnly<EmployeeRegistered>().ToListAsync(ct);
        using var floor = DocumentStore.For(opts =>
        {
            opts.Connection(app.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName)!);
            opts.DatabaseSchemaName = "importfloor";
            opts.Events.DatabaseSchemaName = "importfloor";
            opts.Events.AddEventType<EmployeeRegistered>();
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        });
        await floor.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var watch = Stopwatch.StartNew();
        foreach (var batch in registrations.Chunk(RunImportHandler.BatchSize))
        {
            await using var session = floor.LightweightSession();
            foreach (var e in batch)
            {
                session.Events.StartStream(Guid.CreateVersion7(), e);
            }

            await session.SaveChangesAsync(ct);
        }

        return (registrations.Count, watch.Elapsed.TotalSeconds);
    }
}
