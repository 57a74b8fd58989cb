using Kinerja.Application.Appraisals;
using Kinerja.Infrastructure.Common;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Kinerja.Infrastructure.Ranking;

/// <summary>
/// How many appraisal standings each (cycle, unit, rank class) holds, the class -1 standing for "not ranked" (docs/decisions/166).
/// The ranking's counts and a unit's distribution sum a unit's few rows, or a cycle's few hundred, instead of counting every
/// standing of the cycle (50,000 index entries in a province). PostgreSQL's triggers on the standing's table keep it, in the
/// transaction that writes the standing: the page and the counts never disagree, a rebuild of the standings (which deletes or
/// truncates them, then writes them again) rebuilds it, and an update that keeps the cycle, the unit and the rank class (every
/// public feedback) does not touch it, so the standing's update stays heap-only with no other row locked (docs/decisions/161).
/// </summary>
internal static class RankingTally
{
    public const string TableName = "kinerja_ranking_tally";

    /// <summary>The trigger function; <c>kinerja_count_ranking_tally</c> until it planned once (docs/decisions/174), <c>_v2</c> until a
    /// rebuild truncated the tally instead of deleting its rows (178).</summary>
    public const string FunctionName = "kinerja_count_ranking_tally_v3";

    /// <summary>The class a standing that is not ranked is counted under (a key column cannot be null).</summary>
    public const int NotRanked = -1;

    public static string Table(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";

    /// <summary>The table, its function and its three triggers (db-apply creates and diffs them).</summary>
    /// <param name="standings">The standings' table, in <paramref name="schema"/>.</param>
    private static IEnumerable<ISchemaObject> SchemaObjects(string schema, string standings)
    {
        var table = $"{schema}.{TableName}";
        var tally = new FilledTable(TriggerKeptFeature.Name(schema, TableName), [$"{schema}.{standings}"], Count(table, $"{schema}.{standings}"));
        tally.AddColumn<Guid>("cycle_id").AsPrimaryKey();
        tally.AddColumn("unit_code", "varchar").AsPrimaryKey();
        tally.AddColumn<int>("rank_class").AsPrimaryKey();
        tally.AddColumn<int>("appraisals").NotNull();
        yield return tally;
        foreach (var kept in TriggerKeptFeature.Keeping(schema, standings, FunctionName, table, $$"""
              -- Both rows of a move are written in one statement, in key order, so two opposite moves in one unit
              -- (a final changed 1 to 2 while another goes 2 to 1) lock the two rows in the same order: no deadlock.
              insert into {{table}} as t (cycle_id, unit_code, rank_class, appraisals)
              select c.cycle_id, c.unit_code, c.rank_class, c.appraisals from (
                select old.cycle_id, old.unit_code, coalesce(old.rank_class, {{NotRanked}}), -1 where tg_op in ('UPDATE', 'DELETE')
                union all
                select new.cycle_id, new.unit_code, coalesce(new.rank_class, {{NotRanked}}), 1 where tg_op in ('UPDATE', 'INSERT')
              ) c (cycle_id, unit_code, rank_class, appraisals)
              order by c.cycle_id, c.unit_code, c.rank_class
              on conflict (cycle_id, unit_code, rank_class) do update set appraisals = t.appraisals + excluded.appraisals;
            """, "kinerja_ranking_tally", "kinerja_ranking_tally_moves",
            "((old.cycle_id IS DISTINCT FROM new.cycle_id) OR ((old.unit_code)::text IS DISTINCT FROM (new.unit_code)::text) OR (old.rank_class IS DISTINCT FROM new.rank_class))", replaces: ["kinerja_count_ranking_tally_v2", "kinerja_count_ranking_tally"]))
        {
            yield return kept;
        }
    }

    /// <summary>The tally counted from the standings: what the table is filled with when created, and what a test compares it with.</summary>
    public static string Count(string table, string standings) => $"""
        insert into {table} (cycle_id, unit_code, rank_class, appraisals)
        select cycle_id, unit_code, coalesce(rank_class, {NotRanked}), count(*) from {standings} group by 1, 2, 3
        """;

    public sealed class Feature(StoreOptions options) : TriggerKeptFeature(options, nameof(RankingTally), typeof(AppraisalStanding), SchemaObjects);
}
