using Kinerja.Application.Talent;
using Kinerja.Infrastructure.Common;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Kinerja.Infrastructure.Talent;

/// <summary>
/// One narrow row per talent grid key of a talent profile (a cycle, or a cycle and unit, of one of its finals): what the grid's
/// statement needs of the person, the final and the potentials, and nothing else (docs/decisions/169). The grid read a unit's rows
/// from the profiles' table, whose rows carry the whole document, about one heap page a person (440 buffers for the city's 207 in
/// SETDA, growing with the unit); here a unit's rows sit together in one covering index (15 buffers) and are read from it alone.
/// PostgreSQL's triggers on the profiles' table keep the rows in the transaction that writes the profile, so a rebuild of the
/// profiles (which deletes or truncates them, then writes them again) rebuilds them too; an update that keeps every column read
/// here does not touch them.
/// </summary>
internal static class TalentGridRows
{
    public const string TableName = "kinerja_talent_grid";

    public static string Table(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";

    /// <summary>The trigger function; <c>kinerja_keep_talent_grid</c> until it planned once (docs/decisions/174).</summary>
    public const string FunctionName = "kinerja_keep_talent_grid_v2";

    private const string Columns = "grid_key, id, nip, predikat, unit_code, full_name, potential_values, potential_days, potential_ticks";

    /// <summary>
    /// A profile's rows, from the profile <paramref name="row"/> (a table alias, or the trigger's <c>new</c>): each key once, at its
    /// first place, which is also its final's (<see cref="TalentProfile.GridKeys"/>: the latest final first; a cycle's key is followed
    /// by its final's unit key).
    /// </summary>
    private static string RowsOf(string row) => $"""
        select k.key, {row}.id, {row}.nip, {row}.grid_predikats[k.pos],
          split_part({row}.grid_keys[case when strpos(k.key, ':') > 0 then k.pos else k.pos + 1 end], ':', 2), {row}.data ->> 'fullName',
          {row}.potential_values, {row}.potential_days, {row}.potential_ticks
        from (select u.key, min(u.pos) as pos from unnest({row}.grid_keys) with ordinality u(key, pos) group by u.key) k
        """;

    /// <summary>The rows counted from the profiles: what the table is filled with when created, and what a test compares it with.</summary>
    public static string Fill(string table, string profiles) =>
        $"insert into {table} ({Columns}) select r.* from {profiles} t cross join lateral ({RowsOf("t")}) r";

    /// <summary>The table, its function and its three triggers (db-apply creates and diffs them).</summary>
    private static IEnumerable<ISchemaObject> SchemaObjects(string schema, string profiles)
    {
        var table = $"{schema}.{TableName}";
        // The key and the profile identify a row, and the index on them carries the columns the grid reads: a unit's rows are read from
        // the index alone.
        var rows = new FilledTable(TriggerKeptFeature.Name(schema, TableName), [$"{schema}.{profiles}"], Fill(table, $"{schema}.{profiles}"));
        rows.AddColumn("grid_key", "varchar").NotNull();
        rows.AddColumn<Guid>("id").NotNull();
        rows.AddColumn("nip", "varchar").NotNull();
        rows.AddColumn<int>("predikat").NotNull();
        rows.AddColumn("unit_code", "varchar").NotNull();
        rows.AddColumn("full_name", "varchar").NotNull();
        rows.AddColumn("potential_values", "integer[]");
        rows.AddColumn("potential_days", "integer[]");
        rows.AddColumn("potential_ticks", "bigint[]");
        rows.Indexes.Add(new IndexDefinition($"{TableName}_key")
        {
            IsUnique = true,
            Columns = ["grid_key", "id"],
            IncludeColumns = ["nip", "predikat", "unit_code", "full_name", "potential_values", "potential_days", "potential_ticks"],
        });
        yield return rows;
        foreach (var kept in TriggerKeptFeature.Keeping(schema, profiles, FunctionName, $$"""
            begin
              if tg_op = 'TRUNCATE' then
                delete from {{table}};
                return null;
              end if;
              if tg_op in ('UPDATE', 'DELETE') then
                delete from {{table}} where grid_key = any(old.grid_keys) and id = old.id;
              end if;
              if tg_op in ('UPDATE', 'INSERT') then
                insert into {{table}} ({{Columns}})
                {{RowsOf("new")}};
              end if;
              return null;
            end;
            """, "kinerja_talent_grid", "kinerja_talent_grid_changes",
            "((old.grid_keys IS DISTINCT FROM new.grid_keys) OR (old.grid_predikats IS DISTINCT FROM new.grid_predikats) "
                + "OR (old.potential_values IS DISTINCT FROM new.potential_values) OR (old.potential_days IS DISTINCT FROM new.potential_days) "
                + "OR (old.potential_ticks IS DISTINCT FROM new.potential_ticks) OR ((old.nip)::text IS DISTINCT FROM (new.nip)::text) "
                + "OR ((old.data ->> 'fullName'::text) IS DISTINCT FROM (new.data ->> 'fullName'::text)))", replaces: "kinerja_keep_talent_grid"))
        {
            yield return kept;
        }
    }

    public sealed class Feature(StoreOptions options) : TriggerKeptFeature(options, nameof(TalentGridRows), typeof(TalentProfile), SchemaObjects);
}
