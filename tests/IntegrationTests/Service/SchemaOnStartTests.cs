using JasperFx;
using Kinerja.Infrastructure.Common;
using Kinerja.IntegrationTests.Harness;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// The schema applied on start only where the database does not already hold this build's schema, Marten's and Wolverine's
/// message tables alike (docs/decisions/156, 167). A start that skipped the apply is told apart from one that applied it by an
/// index of each dropped in between: only a comparison puts it back.
/// </summary>
public sealed class SchemaOnStartTests
{
    [Fact]
    public async Task A_fresh_schema_is_created_and_stamped_with_the_configuration_it_was_created_from()
    {
        await While(new KinerjaApp(), async app =>
        {
            (await TestDatabase.Scalar($"select to_regclass('{app.Schema}.mt_events') is not null")).Should().Be(true);
            foreach (var table in new[] { "wolverine_incoming_envelopes", "wolverine_outgoing_envelopes", "wolverine_dead_letters", "wolverine_nodes" })
            {
                (await TestDatabase.Scalar($"select to_regclass('{app.Schema}.{table}') is not null")).Should().Be(true, table);
            }

            (await Stamp(app.Schema)).Should().Be(Fingerprint(app));
        });
    }

    [Fact]
    public async Task A_start_on_a_schema_stamped_with_this_configuration_applies_nothing()
    {
        var schema = KinerjaApp.NewSchema();
        var (index, messageIndex) = await FirstStartThenDropAnIndex(schema);
        var stampedAt = await TestDatabase.Scalar($"select applied_at from {schema}.kinerja_schema_stamp");

        await While(new KinerjaApp { Schema = schema }, async app =>
        {
            (await IndexExists(schema, index)).Should().BeFalse("a start on a current stamp does not diff the schema");
            (await IndexExists(schema, messageIndex)).Should().BeFalse("nor Wolverine's message tables");
            app.Services.GetRequiredService<IWolverineRuntime>().Options.AutoBuildMessageStorageOnStartup.Should().Be(AutoCreate.None);
            (await TestDatabase.Scalar($"select applied_at from {schema}.kinerja_schema_stamp")).Should().Be(stampedAt);
        });
    }

    [Fact]
    public async Task A_start_on_a_schema_stamped_by_another_build_applies_the_configuration_and_stamps_it()
    {
        var schema = KinerjaApp.NewSchema();
        var (index, messageIndex) = await FirstStartThenDropAnIndex(schema);
        await TestDatabase.Execute($"update {schema}.kinerja_schema_stamp set fingerprint = 'another build'");

        await While(new KinerjaApp { Schema = schema }, async second =>
        {
            (await IndexExists(schema, index)).Should().BeTrue("a stamp of another build means the schema is compared and patched");
            (await IndexExists(schema, messageIndex)).Should().BeTrue("Wolverine's message tables too");
            (await Stamp(schema)).Should().Be(Fingerprint(second));
        });
    }

    [Fact]
    public async Task A_schema_without_a_stamp_gets_the_message_tables_that_are_missing_and_is_stamped()
    {
        var schema = KinerjaApp.NewSchema();
        await FirstStartThenDropAnIndex(schema);
        await TestDatabase.Execute($"drop table {schema}.kinerja_schema_stamp; drop table {schema}.wolverine_dead_letters");

        await While(new KinerjaApp { Schema = schema }, async second =>
        {
            (await TestDatabase.Scalar($"select to_regclass('{schema}.wolverine_dead_letters') is not null")).Should().Be(true);
            (await Stamp(schema)).Should().Be(Fingerprint(second));
        });
    }

    /// <summary>Starts the service, checks it while it runs, and stops it (dropping its schema unless it keeps it).</summary>
    private static async Task While(KinerjaApp app, Func<KinerjaApp, Task> check)
    {
        await app.InitializeAsync();
        try
        {
            await check(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A first start, then one index of a Marten document table and one of Wolverine's message tables dropped.</summary>
    private static async Task<(string Index, string MessageIndex)> FirstStartThenDropAnIndex(string schema)
    {
        await While(new KinerjaApp { Schema = schema, KeepSchema = true }, _ => Task.CompletedTask);
        var index = await DropAnIndex(schema, "mt_doc_%");
        var messageIndex = await DropAnIndex(schema, "wolverine_%");
        return (index, messageIndex);
    }

    private static async Task<string> DropAnIndex(string schema, string tables)
    {
        var index = await TestDatabase.Scalar(
            $"select indexname from pg_indexes where schemaname = '{schema}' and tablename like '{tables}' and indexname not like '%pkey' order by indexname limit 1");
        index.Should().BeOfType<string>($"the configuration has an index on a table {tables}");
        await TestDatabase.Execute($"drop index {schema}.{index}");
        return (string)index!;
    }

    private static async Task<bool> IndexExists(string schema, string index) =>
        (bool)(await TestDatabase.Scalar($"select to_regclass('{schema}.{index}') is not null"))!;

    private static async Task<string?> Stamp(string schema)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        return await SchemaStamp.Read(conn, schema, CancellationToken.None);
    }

    private static string Fingerprint(KinerjaApp app) =>
        SchemaStamp.Fingerprint(app.Store.Storage.Database, app.Services.GetRequiredService<IMessageStore>());
}
