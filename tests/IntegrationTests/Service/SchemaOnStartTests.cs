using Kinerja.Infrastructure.Common;
using Kinerja.IntegrationTests.Harness;
using Marten;
using Npgsql;
using Weasel.Core.Migrations;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// The schema applied on start only where the database does not already hold this build's schema (docs/decisions/156). A
/// start that skipped the apply is told apart from one that applied it by an index of the configuration dropped in between:
/// only an apply puts it back.
/// </summary>
public sealed class SchemaOnStartTests
{
    [Fact]
    public async Task A_fresh_schema_is_created_and_stamped_with_the_configuration_it_was_created_from()
    {
        await While(new KinerjaApp(), async app =>
        {
            (await TestDatabase.Scalar($"select to_regclass('{app.Schema}.mt_events') is not null")).Should().Be(true);
            (await Stamp(app.Schema)).Should().Be(Fingerprint(app));
        });
    }

    [Fact]
    public async Task A_start_on_a_schema_stamped_with_this_configuration_applies_nothing()
    {
        var schema = KinerjaApp.NewSchema();
        var index = await FirstStartThenDropAnIndex(schema);
        var stampedAt = await TestDatabase.Scalar($"select applied_at from {schema}.kinerja_schema_stamp");

        await While(new KinerjaApp { Schema = schema }, async _ =>
        {
            (await IndexExists(schema, index)).Should().BeFalse("a start on a current stamp does not diff the schema");
            (await TestDatabase.Scalar($"select applied_at from {schema}.kinerja_schema_stamp")).Should().Be(stampedAt);
        });
    }

    [Fact]
    public async Task A_start_on_a_schema_stamped_by_another_build_applies_the_configuration_and_stamps_it()
    {
        var schema = KinerjaApp.NewSchema();
        var index = await FirstStartThenDropAnIndex(schema);
        await TestDatabase.Execute($"update {schema}.kinerja_schema_stamp set fingerprint = 'another build'");

        await While(new KinerjaApp { Schema = schema }, async second =>
        {
            (await IndexExists(schema, index)).Should().BeTrue("a stamp of another build means the schema is compared and patched");
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

    private static async Task<string> FirstStartThenDropAnIndex(string schema)
    {
        await While(new KinerjaApp { Schema = schema, KeepSchema = true }, _ => Task.CompletedTask);
        var index = (string)(await TestDatabase.Scalar(
            $"select indexname from pg_indexes where schemaname = '{schema}' and tablename like 'mt_doc_%' and indexname not like '%pkey' order by indexname limit 1"))!;
        await TestDatabase.Execute($"drop index {schema}.{index}");
        return index;
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
        SchemaStamp.Fingerprint((DatabaseBase<NpgsqlConnection>)app.Store.Storage.Database);
}
