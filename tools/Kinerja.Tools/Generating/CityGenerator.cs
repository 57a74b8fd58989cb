using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tools.Generating;

/// <summary>One step of a city's history; each stage decides against what the stages before it made.</summary>
public interface ICityStage
{
    string Name { get; }

    Task Run(City city, CityWriter writer, CancellationToken ct);
}

/// <summary>What was generated, and facts about it that query probes address (a busy unit, a closed cycle).</summary>
public sealed record CitySummary(
    int Seed, int Units, int Employees, int Streams, long Events, TimeSpan Elapsed,
    Guid ClosedCycleId, Guid OpenCycleId, string BusiestUnit, string TopUnit, string SampleNip, string SamplePosition,
    string BusiestSupervisorNip, string SearchTerm)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Fills the database with a deterministic city of Kota Ambon: every event comes from the Domain's
/// decisions, taken in the order the year would take them, with ids and instants drawn from the seed.
/// </summary>
public sealed class CityGenerator(IServiceScopeFactory scopes)
{
    public const int MinEmployees = 40;

    /// <summary>The city's history in order; a new module adds its stage here.</summary>
    public static IReadOnlyList<ICityStage> Stages { get; } =
    [
        new RegistryStage(),
        new AppraisalYearStage(AppraisalYear.Closed2025),
        new AppraisalYearStage(AppraisalYear.Running2026),
        new TrainingStage(2026, AppraisalYear.Running2026.Today),
        new PositionStage(AppraisalYear.Running2026.Today),
    ];

    /// <param name="registryOnly">
    /// Only the first stage (units and their ASN): a large registry in seconds, for benchmarks of the registry alone.
    /// Such a city has no cycles: the summary's cycle ids are empty.
    /// </param>
    public async Task<CitySummary> Generate(int employees, int seed, CancellationToken ct, Action<string>? progress = null, bool registryOnly = false)
    {
        if (employees < MinEmployees)
        {
            throw new ArgumentOutOfRangeException(nameof(employees), $"A city needs at least {MinEmployees} employees: one head per unit.");
        }

        var clock = Stopwatch.StartNew();
        var city = new City(seed, employees);
        var writer = new CityWriter(scopes, seed, employees);
        foreach (var stage in registryOnly ? Stages.Take(1) : Stages)
        {
            await stage.Run(city, writer, ct);
            await writer.Flush(ct);
            progress?.Invoke($"{stage.Name}: {writer.Events} events after {clock.Elapsed.TotalSeconds:0.0} s");
        }

        if (!registryOnly)
        {
            await writer.RecordAsOfBusinessTime(ct);
        }

        var busiest = city.Employees.GroupBy(e => e.Unit.Spec.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var closed = city.Cycles.FirstOrDefault(c => c.Closed);
        var open = city.Cycles.LastOrDefault(c => !c.Closed);
        var sample = city.Employees.FirstOrDefault(e => closed?.PredikatOf(e.Id) is not null) ?? city.Employees[0];
        var supervisor = city.Employees.MaxBy(e => e.Subordinates.Count) ?? sample;
        var search = SearchTermFor([.. city.Employees.Select(e => e.FullName)]);
        return new CitySummary(seed, city.Units.Count, city.Employees.Count, writer.Streams, writer.Events, clock.Elapsed,
            closed?.Id ?? Guid.Empty, open?.Id ?? Guid.Empty, busiest, "DISDIK", sample.Nip,
            city.PositionCodes.FirstOrDefault(code => code.StartsWith(busiest + "-", StringComparison.Ordinal)) ?? "", supervisor.Nip, search);
    }

    /// <summary>The share of the registry the search probe's term matches, the same in a city and a province (docs/decisions/157).</summary>
    public const double SearchShare = 0.025;

    /// <summary>
    /// The registry search the probes time: of the generated surnames (the last word before the degrees, "Sitti Rehatta, S.H., M.H." →
    /// "Rehatta"), the one whose term matches the share of names nearest <see cref="SearchShare"/> (as the search does: anywhere in
    /// the name, any case), ties by the term. A surname taken from one sample employee matched 5 % of a city and 2.5 % of a province,
    /// and a page of a search that walks the NIP order tests about page / share rows, so the two timed different work.
    /// </summary>
    public static string SearchTermFor(IReadOnlyList<string> fullNames)
    {
        var surnames = fullNames.Select(n => n.Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? n)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return surnames
            .Select(term => (Term: term, Share: fullNames.Count(n => n.Contains(term, StringComparison.OrdinalIgnoreCase)) / (double)fullNames.Count))
            .OrderBy(t => Math.Abs(t.Share - SearchShare)).ThenBy(t => t.Term, StringComparer.Ordinal).First().Term;
    }
}
