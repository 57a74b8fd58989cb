using Kinerja.Application.Common;
using Kinerja.Domain.Units;
using Kinerja.Infrastructure;
using Kinerja.Infrastructure.Common;
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

    [Fact]
    public void Max_Auto_Prepare_0_in_the_connection_string_or_the_setting_turns_auto_preparation_off()
    {
        // 0 is also Npgsql's default, so an explicit 0 used to read as "not chosen" and was replaced by 200.
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithStatementPreparation("Host=db;Max Auto Prepare=0")).MaxAutoPrepare.Should().Be(0);
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithStatementPreparation("Host=db;maxautoprepare=0")).MaxAutoPrepare.Should().Be(0);
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithStatementPreparation("Host=db", maxAutoPrepare: 0)).MaxAutoPrepare.Should().Be(0);
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithStatementPreparation("Host=db", maxAutoPrepare: 50)).MaxAutoPrepare.Should().Be(50);
    }

    [Fact]
    public void The_verbs_that_apply_the_schema_wait_for_it_unless_the_connection_string_sets_a_timeout()
    {
        DependencyInjection.AppliesSchema(["db-apply"]).Should().BeTrue();
        DependencyInjection.AppliesSchema(["tenants", "add", "malteng"]).Should().BeTrue();
        DependencyInjection.AppliesSchema(["tenants", "list"]).Should().BeFalse();
        DependencyInjection.AppliesSchema(["db-assert"]).Should().BeFalse();
        DependencyInjection.AppliesSchema([]).Should().BeFalse();

        new NpgsqlConnectionStringBuilder(DependencyInjection.WithoutCommandTimeout("Host=db")).CommandTimeout.Should().Be(0);
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithoutCommandTimeout("Host=db;Command Timeout=600")).CommandTimeout.Should().Be(600);
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithoutCommandTimeout("Host=db;CommandTimeout=45")).CommandTimeout.Should().Be(45);
    }

    [Fact]
    public async Task Documents_and_events_far_larger_than_the_connections_read_buffer_are_read_back_whole()
    {
        app.Store.Options.Serializer().Should().BeOfType<RowJsonSerializer>();
        var body = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        var key = "large-" + Guid.NewGuid();
        var name = string.Concat(Enumerable.Repeat("Unit Pelaksana Teknis Dinas Pendidikan ", 4_000));
        var stream = Guid.NewGuid();
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(new IdempotencyRecord(key, "hash", DateTimeOffset.UnixEpoch, new StoredResponse(200, "text/csv", null, null, body)));
            session.Events.StartStream(stream, new UnitRegistered(stream, "UPTD-" + stream.ToString("N")[..8], name, null, DateTimeOffset.UnixEpoch));
            await session.SaveChangesAsync();
        }

        await using var query = app.Store.QuerySession();
        var loaded = await query.LoadAsync<IdempotencyRecord>(key);
        loaded!.Response!.Body.Should().Equal(body);
        var events = await query.Events.FetchStreamAsync(stream);
        events.Single().Data.Should().BeOfType<UnitRegistered>().Which.Name.Should().Be(name);
    }
}
