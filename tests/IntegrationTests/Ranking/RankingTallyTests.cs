using Kinerja.IntegrationTests.Harness;
using Npgsql;

namespace Kinerja.IntegrationTests.Ranking;

/// <summary>
/// The ranking's counts come from a tally per (cycle, unit, rank class) kept by triggers on the standings' table (docs/decisions/166):
/// whatever moves a standing, the tally must equal a count of the standings, and a write that keeps the counted columns (every public
/// feedback) must leave it alone. An appraisal's unit is fixed when it opens, so the move between units is written as SQL here.
/// </summary>
public sealed class RankingTallyTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private string Standings => $"{app.Schema}.mt_doc_appraisalstanding";

    [Fact]
    public async Task The_tally_equals_a_count_of_the_standings_through_finals_a_changed_final_a_move_and_a_deletion()
    {
        var cycle = Guid.NewGuid();
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        string[] units = ["DINKES", "DINKES", "DINKES", "SETDA", "SETDA", "DISDIK"];
        for (var i = 0; i < ids.Length; i++)
        {
            await TestDatabase.Execute($"insert into {Standings} (id, data, cycle_id, unit_code, nip, employee_id) values ('{ids[i]}', '{{}}', '{cycle}', '{units[i]}', '19860926201505100{i}', '{Guid.NewGuid()}')");
        }

        (await Tally(cycle)).Should().Equal(await Counted(cycle)).And.Contain("DINKES/-1/3");

        await TestDatabase.Execute($"update {Standings} set rank_class = 1, rank_score = 80, rank_results = 90 where id in ('{ids[0]}', '{ids[1]}', '{ids[3]}')");
        await TestDatabase.Execute($"update {Standings} set rank_class = 0, rank_score = 95 where id = '{ids[1]}'");
        await TestDatabase.Execute($"update {Standings} set unit_code = 'SETDA' where id = '{ids[2]}'");
        await TestDatabase.Execute($"update {Standings} set unit_code = 'DISDIK', rank_class = 2 where id = '{ids[0]}'");
        await TestDatabase.Execute($"delete from {Standings} where id = '{ids[5]}'");

        (await Tally(cycle)).Should().Equal(await Counted(cycle))
            .And.Equal("DINKES/0/1", "DISDIK/2/1", "SETDA/-1/2", "SETDA/1/1");
        await TestDatabase.Execute($"delete from {Standings} where cycle_id = '{cycle}'");
        (await Tally(cycle)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_write_that_keeps_the_cycle_unit_and_class_leaves_the_tally_alone()
    {
        var cycle = Guid.NewGuid();
        var id = Guid.NewGuid();
        await TestDatabase.Execute($"insert into {Standings} (id, data, cycle_id, unit_code, nip, employee_id) values ('{id}', '{{}}', '{cycle}', 'SETDA', '198609262015051001', '{Guid.NewGuid()}')");
        var before = await TestDatabase.Scalar($"select xmin::text from {app.Schema}.kinerja_ranking_tally where cycle_id = '{cycle}'");

        // What Marten's upsert does for a public feedback: a new document and version, the counted columns written unchanged.
        await TestDatabase.Execute($"update {Standings} set data = '{{\"feedback\": [1]}}', mt_version = mt_version + 1, cycle_id = cycle_id, unit_code = unit_code, rank_class = rank_class where id = '{id}'");

        (await TestDatabase.Scalar($"select xmin::text from {app.Schema}.kinerja_ranking_tally where cycle_id = '{cycle}'")).Should().Be(before);
        await TestDatabase.Execute($"delete from {Standings} where id = '{id}'");
    }

    /// <summary>The tally's rows of the cycle that count something (a row emptied by a move stays at zero).</summary>
    private async Task<List<string>> Tally(Guid cycle) => await Rows(
        $"select unit_code || '/' || rank_class || '/' || appraisals from {app.Schema}.kinerja_ranking_tally where cycle_id = @cycle and appraisals <> 0", cycle);

    private async Task<List<string>> Counted(Guid cycle) => await Rows(
        $"select unit_code || '/' || coalesce(rank_class, -1) || '/' || count(*) from {Standings} where cycle_id = @cycle group by unit_code, coalesce(rank_class, -1)",
        cycle);

    private static async Task<List<string>> Rows(string sql, Guid cycle)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        command.Parameters.AddWithValue("cycle", cycle);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
