using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Kinerja.Infrastructure.Talent;
using Kinerja.IntegrationTests.Harness;
using Npgsql;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>
/// The talent grid reads narrow rows kept by triggers on the talent profiles' table, one per grid key of a profile (docs/decisions/169):
/// whatever writes a profile, the rows must be those its columns give (each key once, at its first place, with that final's predikat and
/// unit), and a write that keeps every column they carry must leave them alone. Written as SQL, as Marten's upsert writes the columns.
/// </summary>
public sealed class TalentGridRowsTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private string Profiles => $"{app.Schema}.mt_doc_talentprofile";

    [Fact]
    public async Task The_rows_follow_the_profiles_through_an_insert_a_new_final_a_new_potential_a_renaming_and_a_deletion()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (c1, c2) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await Write(a, "198609262015051001", "Ani", $"{c1}, {c1}:SETDA", "2, 2", "", "", "", insert: true);
        // Two finals in one cycle (moved mid-cycle): the first of a key, the latest opened, is the one the grid shows.
        await Write(b, "198609262015051002", "Budi", $"{c1}, {c1}:DINKES, {c1}, {c1}:SETDA", "0, 0, 3, 3", "2", "739000", "5", insert: true);

        (await Rows(a, b)).Should().BeEquivalentTo(
            $"{c1}/Ani/2/SETDA/{{}}", $"{c1}/Budi/0/DINKES/{{2}}", $"{c1}:DINKES/Budi/0/DINKES/{{2}}", $"{c1}:SETDA/Ani/2/SETDA/{{}}",
            $"{c1}:SETDA/Budi/3/SETDA/{{2}}");

        await Write(a, "198609262015051001", "Ani Lestari", $"{c2}, {c2}:DISDIK, {c1}, {c1}:SETDA", "1, 1, 2, 2", "0", "739100", "7");
        await TestDatabase.Execute($"delete from {Profiles} where id = '{b}'");

        (await Rows(a, b)).Should().BeEquivalentTo(
            $"{c1}/Ani Lestari/2/SETDA/{{0}}", $"{c1}:SETDA/Ani Lestari/2/SETDA/{{0}}", $"{c2}/Ani Lestari/1/DISDIK/{{0}}",
            $"{c2}:DISDIK/Ani Lestari/1/DISDIK/{{0}}");
        await TestDatabase.Execute($"delete from {Profiles} where id = '{a}'");
        (await Rows(a, b)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_write_that_keeps_the_columns_of_the_rows_leaves_them_alone()
    {
        var id = Guid.NewGuid();
        var cycle = Guid.NewGuid().ToString("N");
        await Write(id, "198609262015051003", "Citra", $"{cycle}, {cycle}:SETDA", "1, 1", "1", "739000", "5", insert: true);
        var before = await TestDatabase.Scalar($"select string_agg(xmin::text, ',') from {app.Schema}.{TalentGridRows.TableName} where id = '{id}'");

        // What Marten's upsert does for an event the grid does not read (a training): a new document and version, the columns unchanged.
        await Write(id, "198609262015051003", "Citra", $"{cycle}, {cycle}:SETDA", "1, 1", "1", "739000", "5", levels: """{"A": 3}""");

        (await TestDatabase.Scalar($"select string_agg(xmin::text, ',') from {app.Schema}.{TalentGridRows.TableName} where id = '{id}'")).Should().Be(before);
        await TestDatabase.Execute($"delete from {Profiles} where id = '{id}'");
    }

    [Fact]
    public async Task Each_row_keeps_its_place_as_of_its_cycles_period_end_and_moves_when_its_final_or_potentials_do()
    {
        // A cycle whose period ends on day 739000; a profile assessed twice (the grid's order of preference: the later assessment first).
        var cycle = Guid.NewGuid();
        await TestDatabase.Execute($$"""insert into {{app.Schema}}.mt_doc_appraisalcycle (id, data) values ('{{cycle}}', '{"periodEnd": "{{DateOnly.FromDayNumber(739000):yyyy-MM-dd}}"}')""");
        var key = cycle.ToString("N");
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        // Ani: Tinggi assessed on day 739100 (after the period's end, not in force), Menengah on 738900 (in force); predikat Baik.
        await Write(a, "198609262015051011", "Ani", $"{key}, {key}:SETDA", "1, 1", "2, 1", "739100, 738900", "50, 40", insert: true);
        // Budi: no potential in force at the period's end; and a row of a cycle nobody knows.
        var unknown = Guid.NewGuid().ToString("N");
        await Write(b, "198609262015051012", "Budi", $"{key}, {key}:SETDA, {unknown}, {unknown}:SETDA", "0, 0, 0, 0", "2", "739100", "50", insert: true);

        var ani = NineBox.For(Predikat.Baik, Potential.Menengah).Number;
        (await Placed(a, b)).Should().BeEquivalentTo(
            $"{key}/Ani/739000/{ani}/40/1/738900", $"{key}:SETDA/Ani/739000/{ani}/40/1/738900",
            $"{key}/Budi/739000/0/0//", $"{key}:SETDA/Budi/739000/0/0//",
            $"{unknown}/Budi/{TalentGridRows.UnknownCycle}/0/0//", $"{unknown}:SETDA/Budi/{TalentGridRows.UnknownCycle}/0/0//");

        // Budi assessed Tinggi on day 738000 (recorded later), Ani's final moved to SangatBaik: both placed again.
        await Write(b, "198609262015051012", "Budi", $"{key}, {key}:SETDA", "0, 0", "2, 2", "739100, 738000", "50, 60");
        await Write(a, "198609262015051011", "Ani", $"{key}, {key}:SETDA", "0, 0", "2, 1", "739100, 738900", "50, 40");
        var (aniNow, budi) = (NineBox.For(Predikat.SangatBaik, Potential.Menengah).Number, NineBox.For(Predikat.SangatBaik, Potential.Tinggi).Number);
        (await Placed(a, b)).Should().BeEquivalentTo(
            $"{key}/Ani/739000/{aniNow}/40/1/738900", $"{key}:SETDA/Ani/739000/{aniNow}/40/1/738900",
            $"{key}/Budi/739000/{budi}/60/2/738000", $"{key}:SETDA/Budi/739000/{budi}/60/2/738000");

        await TestDatabase.Execute($"delete from {Profiles} where id in ('{a}', '{b}')");
        (await Placed(a, b)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_truncate_that_starts_a_rebuild_empties_the_rows_into_a_new_table_or_deletes_them_when_a_reader_holds_the_rows()
    {
        // A rebuild truncates the profiles' table first (Marten's rebuild): the rows go with them, in a new, empty table and indexes
        // rather than as dead entries beside the rebuild's new ones (docs/decisions/178).
        var cycle = Guid.NewGuid().ToString("N");
        var table = $"{app.Schema}.{TalentGridRows.TableName}";
        async Task<object?> Filenode() => await TestDatabase.Scalar($"select pg_relation_filenode('{table}')");
        async Task TruncateProfiles() => await TestDatabase.Execute($"begin; set local lock_timeout = '10s'; truncate {Profiles}; commit;");
        await Write(Guid.NewGuid(), "198609262015051021", "Fajar", $"{cycle}, {cycle}:SETDA", "1, 1", "", "", "", insert: true);
        var first = await Filenode();

        await TruncateProfiles();

        (await TestDatabase.Scalar($"select count(*) from {table}")).Should().Be(0L);
        (await Filenode()).Should().NotBe(first, "the rows' table was truncated, not emptied row by row");

        // A reader in the middle of a statement on the rows: the truncate does not wait for it (it may be waiting for the profiles,
        // which the rebuild's truncate holds), and deletes the rows instead.
        await Write(Guid.NewGuid(), "198609262015051022", "Gita", $"{cycle}, {cycle}:SETDA", "1, 1", "", "", "", insert: true);
        var second = await Filenode();
        await using (var reader = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await reader.OpenAsync();
            await using var transaction = await reader.BeginTransactionAsync();
            await using (var read = new NpgsqlCommand($"select count(*) from {table}", reader, transaction))
            {
                (await read.ExecuteScalarAsync()).Should().Be(2L, "Gita's two keys");
            }

            await TruncateProfiles();

            (await TestDatabase.Scalar($"select count(*) from {table}")).Should().Be(0L);
            (await Filenode()).Should().Be(second, "the rows were deleted in the table the reader holds");
        }
    }

    [Fact]
    public async Task A_database_with_the_rows_before_they_kept_their_place_gets_them_filled_and_the_old_ones_dropped_by_db_apply()
    {
        // What the version before decision 176 left: the rows' older table, and the function under its older name called by the three triggers.
        var schema = app.Schema;
        var id = Guid.NewGuid();
        var cycle = Guid.NewGuid().ToString("N");
        await Write(id, "198609262015051004", "Dewi", $"{cycle}, {cycle}:SETDA", "1, 1", "", "", "", insert: true);
        var current = (string)(await TestDatabase.Scalar($"select pg_get_functiondef('{schema}.{TalentGridRows.FunctionName}'::regproc)"))!;
        var triggers = await Column($"select pg_get_triggerdef(oid) from pg_trigger where tgrelid = '{Profiles}'::regclass and not tgisinternal");
        triggers.Should().HaveCount(3);
        await TestDatabase.Execute(current.Replace(TalentGridRows.FunctionName, "kinerja_keep_talent_grid_v2"));
        foreach (var trigger in triggers)
        {
            await TestDatabase.Execute(trigger.Replace("CREATE TRIGGER", "CREATE OR REPLACE TRIGGER").Replace(TalentGridRows.FunctionName, "kinerja_keep_talent_grid_v2"));
        }

        await TestDatabase.Execute($"""
            drop function {schema}.{TalentGridRows.FunctionName}();
            drop table {schema}.{TalentGridRows.TableName};
            create table {schema}.kinerja_talent_grid (grid_key varchar, id uuid);
            """);

        await app.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await Column($"select pg_get_triggerdef(oid) from pg_trigger where tgrelid = '{Profiles}'::regclass and not tgisinternal"))
            .Should().BeEquivalentTo(triggers);
        (await TestDatabase.Scalar($"select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = '{schema}' and p.proname like 'kinerja_keep_talent_grid%'"))
            .Should().Be(1L, "the old function is dropped once nothing calls it");
        (await TestDatabase.Scalar($"select array_to_string(proconfig, ',') from pg_proc where oid = '{schema}.{TalentGridRows.FunctionName}'::regproc"))
            .Should().Be("plan_cache_mode=auto");
        (await TestDatabase.Scalar($"select to_regclass('{schema}.kinerja_talent_grid') is null")).Should().Be(true, "the rows it replaced are dropped");
        (await TestDatabase.Scalar($"select collation_name from information_schema.columns where table_schema = '{schema}' and table_name = '{TalentGridRows.TableName}' and column_name = 'nip'"))
            .Should().Be("C", "the page's index orders NIPs as ordinal strings");
        (await Rows(id, id)).Should().BeEquivalentTo([$"{cycle}/Dewi/1/SETDA/{{}}", $"{cycle}:SETDA/Dewi/1/SETDA/{{}}"], "the new rows are filled from the profiles stored");
        var other = Guid.NewGuid();
        await Write(other, "198609262015051005", "Eka", $"{cycle}, {cycle}:SETDA", "1, 1", "", "", "", insert: true);
        (await Rows(other, other)).Should().BeEquivalentTo($"{cycle}/Eka/1/SETDA/{{}}", $"{cycle}:SETDA/Eka/1/SETDA/{{}}");
        await TestDatabase.Execute($"delete from {Profiles} where id in ('{id}', '{other}')");
    }

    private static async Task<List<string>> Column(string sql)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task Write(
        Guid id, string nip, string name, string keys, string predikats, string potentials, string days, string ticks, bool insert = false, string levels = "{}")
    {
        var data = $$"""{"fullName": "{{name}}", "levels": {{levels}}}""";
        var columns = $"nip = '{nip}', data = '{data}', grid_keys = '{{{keys}}}', grid_predikats = '{{{predikats}}}', "
            + $"potential_values = '{{{potentials}}}', potential_days = '{{{days}}}', potential_ticks = '{{{ticks}}}', mt_version = mt_version + 1";
        await TestDatabase.Execute(insert
            ? $"insert into {Profiles} (id, data, nip) values ('{id}', '{data}', '{nip}'); update {Profiles} set {columns} where id = '{id}'"
            : $"update {Profiles} set {columns} where id = '{id}'");
    }

    /// <summary>The kept rows of the two profiles: key, name, predikat, unit and potentials.</summary>
    private async Task<List<string>> Rows(Guid a, Guid b)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            select concat_ws('/', grid_key, full_name, predikat, unit_code, potential_values) from {app.Schema}.{TalentGridRows.TableName}
            where id in (@a, @b)
            """,
            conn);
        command.Parameters.AddWithValue("a", a);
        command.Parameters.AddWithValue("b", b);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>The two profiles' rows with their kept place: key, name, period end, box, the chosen potential's tick, value and day.</summary>
    private Task<List<string>> Placed(Guid a, Guid b) => Column($"""
        select concat_ws('/', grid_key, full_name, box_day, {TalentGridRows.BoxOf("place")}, box_tick, coalesce(potential::text, ''), coalesce(assessed_day::text, ''))
        from {app.Schema}.{TalentGridRows.TableName} where id in ('{a}', '{b}')
        """);
}
