using Kinerja.Tools.Generating;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>A host whose schema holds a small generated city (60 ASN, seed 11), generated once for the class; IAsyncLifetime is re-declared so xunit runs this InitializeAsync.</summary>
public sealed class GeneratedCityApp : KinerjaApp, IAsyncLifetime
{
    public const int Employees = 60;

    public CitySummary City { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        City = await Generate(this, 11);
    }

    public static Task<CitySummary> Generate(KinerjaApp app, int seed) =>
        new CityGenerator(app.Services.GetRequiredService<IServiceScopeFactory>()).Generate(Employees, seed, CancellationToken.None);

    /// <summary>Every stored event as its type and JSON data, in commit order (tombstones excluded).</summary>
    public static async Task<IReadOnlyList<string>> EventData(KinerjaApp app)
    {
        await using var session = app.Store.QuerySession();
        return await session.QueryAsync<string>(
            $"select type || ' ' || data::text from {app.Schema}.mt_events where type <> 'tombstone' order by seq_id");
    }
}
