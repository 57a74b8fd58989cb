using Kinerja.IntegrationTests.Harness;
using Npgsql;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>
/// Every public feedback rewrites its appraisal's standing (docs/decisions/161): PostgreSQL can do that in place (a heap-only
/// update, no index touched) only while no index reads the document's JSON and the page has room for the new version.
/// </summary>
public sealed class StandingUpdatedInPlaceTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task No_index_of_the_standing_reads_its_JSON_and_its_pages_keep_room_for_updates()
    {
        var table = $"{app.Schema}.mt_doc_appraisalstanding";
        (await TestDatabase.Scalar($"select count(*) from pg_indexes where schemaname = '{app.Schema}' and tablename = 'mt_doc_appraisalstanding'"))
            .Should().BeOfType<long>().Which.Should().BeGreaterThan(1, "the ranking's keys are indexed columns");
        (await TestDatabase.Scalar(
            $"select string_agg(indexname, ', ') from pg_indexes where schemaname = '{app.Schema}' and tablename = 'mt_doc_appraisalstanding' and indexdef like '%data%'"))
            .Should().Be(DBNull.Value, "an index on an expression of data makes every update of the document write every index");
        (await TestDatabase.Scalar($"select array_to_string(reloptions, ',') from pg_class where oid = '{table}'::regclass"))
            .Should().Be("fillfactor=70");
    }

    [Fact]
    public async Task A_standing_rewritten_with_its_columns_unchanged_is_updated_in_place()
    {
        var table = $"{app.Schema}.mt_doc_appraisalstanding";
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var id = Guid.NewGuid();
        await Run(conn, $"insert into {table} (id, data, cycle_id, unit_code, nip, employee_id) values ('{id}', '{{\"feedback\": []}}', '{Guid.NewGuid()}', 'SETDA', '198609262015051001', '{Guid.NewGuid()}')");

        // What Marten's upsert does for a public feedback: a new document and version, the same columns.
        await Run(conn, $"update {table} set data = '{{\"feedback\": [1]}}', mt_version = mt_version + 1, mt_last_modified = now() where id = '{id}'");

        await using var hot = new NpgsqlCommand($"select pg_stat_get_xact_tuples_hot_updated('{table}'::regclass)", conn);
        (await hot.ExecuteScalarAsync()).Should().Be(1L);
        await tx.RollbackAsync();
    }

    /// <summary>
    /// The standing's JSON (about 5 KB, read under the lock and rewritten by every public feedback) is compressed by lz4 and kept in the
    /// row, not moved out of line into the TOAST table (docs/decisions/173).
    /// </summary>
    [Fact]
    public async Task A_standing_of_several_kilobytes_is_compressed_by_lz4_and_kept_in_its_row()
    {
        var table = $"{app.Schema}.mt_doc_appraisalstanding";
        (await TestDatabase.Scalar(
            $"select attstorage::text || attcompression::text from pg_attribute where attrelid = '{table}'::regclass and attname = 'data'"))
            .Should().Be("ml");
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var toast = await Scalar(conn, $"select reltoastrelid::regclass::text from pg_class where oid = '{table}'::regclass");
        var before = await Scalar(conn, $"select count(*) from {toast}");
        var id = Guid.NewGuid();
        var realisations = string.Join(", ", Enumerable.Range(0, 60).Select(i => $"{{\"indicator\": \"IKI-{i:D3}\", \"value\": {i * 7 % 100}, \"note\": \"realisasi bulan {i % 12 + 1}\"}}"));
        await Run(conn, $"insert into {table} (id, data, cycle_id, unit_code, nip, employee_id) values ('{id}', '{{\"realisations\": [{realisations}]}}', '{Guid.NewGuid()}', 'SETDA', '198609262015051001', '{Guid.NewGuid()}')");

        (await Scalar(conn, $"select octet_length(data::text) from {table} where id = '{id}'")).Should().BeOfType<int>().Which.Should().BeGreaterThan(4000);
        (await Scalar(conn, $"select pg_column_compression(data) from {table} where id = '{id}'")).Should().Be("lz4");
        (await Scalar(conn, $"select count(*) from {toast}")).Should().Be(before, "the compressed document stays in the row");
        await tx.RollbackAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Run(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }
}
