using Kinerja.Application.Employees;
using Marten;

namespace Kinerja.Tools.Generating;

/// <summary>
/// <c>generate-city [--employees N] [--seed S] [--if-empty] [--registry-only]</c>: fills the database with a deterministic city of
/// Kota Ambon through the Domain's decisions and prints what it wrote. <c>--if-empty</c> leaves a database
/// that already has employees alone (how <c>scripts/run.sh --demo</c> loads its demo city once). <c>--registry-only</c>
/// writes only the units and their ASN (no cycles, training or positions): the write benchmark's large registry.
/// </summary>
public static class GenerateCityCommand
{
    public const string Verb = "generate-city";

    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        var options = CliOptions.Parse(args);
        if (!options.Int("employees", 1000, CityGenerator.MinEmployees, out var employees) || !options.Int("seed", 1, 0, out var seed))
        {
            Console.Error.WriteLine($"usage: {Verb} [--employees N (at least {CityGenerator.MinEmployees})] [--seed S] [--if-empty] [--registry-only]");
            return 2;
        }

        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (options.Flag("if-empty") && await HasEmployees(services))
        {
            Console.WriteLine("The database already has employees: no city generated.");
            return 0;
        }

        var store = services.GetRequiredService<IDocumentStore>();
        var summary = await services.GetRequiredService<CityGenerator>().Generate(employees, seed, CancellationToken.None, Console.WriteLine, options.Flag("registry-only"));
        Console.WriteLine(Describe(summary));
        Console.WriteLine(Analyzed(await PlannerStatistics.Refresh(store, vacuum: false, CancellationToken.None)));
        return 0;
    }

    public static string Analyzed(TimeSpan took) => FormattableString.Invariant($"planner statistics refreshed after the bulk load in {took.TotalSeconds:0.0} s");

    public static string Describe(CitySummary s) => FormattableString.Invariant(
        $"seed {s.Seed}: {s.Units} units, {s.Employees} employees, {s.Streams} streams, {s.Events} events in {s.Elapsed.TotalSeconds:0.0} s ({s.EventsPerSecond:0} events/s)")
        + (s.OpenCycleId == Guid.Empty ? "; registry only" : $"; closed cycle {s.ClosedCycleId}, running cycle {s.OpenCycleId}");

    private static async Task<bool> HasEmployees(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IEmployeeDirectory>();
        return (await directory.List(new EmployeeFilter(null, null, null, 1), CancellationToken.None)).Count > 0;
    }
}
