using Kinerja.Infrastructure;
using Kinerja.IntegrationTests.Harness;
using Marten;
using Npgsql;

namespace Kinerja.IntegrationTests.Common;

/// <summary>How the store talks to PostgreSQL (docs/decisions/063).</summary>
public sealed class StoreConnectionTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task The_stores_connections_plan_every_statement_for_its_own_parameters()
    {
        await using var session = app.Store.QuerySession();

        (await session.QueryAsync<string>("select current_setting('plan_cache_mode')")).Single().Should().Be("force_custom_plan");
    }

    [Fact]
    public void A_connection_string_that_chooses_its_own_plan_cache_mode_or_preparation_keeps_them()
    {
        var own = new NpgsqlConnectionStringBuilder(DependencyInjection.WithStatementPreparation(
            "Host=db;Max Auto Prepare=5;Options=-c plan_cache_mode=auto -c search_path=x"));
        own.MaxAutoPrepare.Should().Be(5);
        own.Options.Should().Be("-c plan_cache_mode=auto -c search_path=x");

        var added = new NpgsqlConnectionStringBuilder(DependencyInjection.WithStatementPreparation("Host=db;Options=-c search_path=x"));
        added.MaxAutoPrepare.Should().Be(200);
        added.Options.Should().Be("-c search_path=x -c plan_cache_mode=force_custom_plan");
    }
}
