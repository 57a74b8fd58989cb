using Kinerja.Application.Employees;
using Kinerja.Infrastructure.Common;
using Marten;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace Kinerja.Infrastructure.Employees;

/// <summary>
/// One narrow row per employee profile for the registry's search (<c>?q=</c>, docs/decisions/175): the NIP, the name and the latest
/// position title lowered by PostgreSQL's <c>lower</c>, and the name and the latest unit as stored (the list's order by name and its unit). <c>x ILIKE p</c> is, in a UTF-8 database, <c>lower(x) LIKE lower(p)</c> (that is how
/// PostgreSQL evaluates it), so the search tests these columns with a plain <c>LIKE</c> and finds the same profiles without lowering each
/// name at every test, which was most of a match's cost. The NIP's index carries the other three columns, so a page by NIP is read from
/// that index alone, testing about page / share entries whatever the registry's size; a rare term is found through the trigram indexes.
/// The profiles' rows carry the whole document (about 1.4 kB), one heap page read for every profile tested. PostgreSQL's triggers on the
/// profiles' table keep the rows in the transaction that writes the profile; a write that keeps the three members does not touch them.
/// </summary>
internal static class EmployeeSearchRows
{
    public const string TableName = "kinerja_employee_search";

    /// <summary>The trigger function; <c>kinerja_keep_employee_search</c> until a rebuild truncated the rows instead of deleting them (docs/decisions/178).</summary>
    public const string FunctionName = "kinerja_keep_employee_search_v2";

    public static string Table(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";

    /// <summary>A profile's row from the profile <paramref name="row"/> (a table alias, or the trigger's <c>new</c>).</summary>
    private static string RowOf(string row) =>
        $"{row}.id, {row}.data ->> 'nip', lower({row}.data ->> 'fullName'), lower({row}.data ->> 'latestPositionTitle'), "
        + $"{row}.data ->> 'fullName', {row}.data ->> 'latestUnitCode'";

    private const string Columns = "id, nip, name, title, full_name, unit_code";

    /// <summary>The rows from the profiles: what the table is filled with when created, and what a test compares it with.</summary>
    public static string Fill(string table, string profiles) => $"insert into {table} ({Columns}) select {RowOf("p")} from {profiles} p";

    private static IEnumerable<ISchemaObject> SchemaObjects(string schema, string profiles)
    {
        var table = $"{schema}.{TableName}";
        // The planner's estimate of a LIKE '%…%' comes from the column's most common values and histogram: with the default 100 it took a
        // rare full name for 1 % of the registry and walked the whole NIP index instead of the trigram indexes (8.7 ms against 0.3 ms).
        var rows = new FilledTable(TriggerKeptFeature.Name(schema, TableName), [$"{schema}.{profiles}"], Fill(table, $"{schema}.{profiles}"),
            $"alter table {table} alter column name set statistics 1000, alter column title set statistics 1000;");
        rows.AddColumn<Guid>("id").AsPrimaryKey();
        rows.AddColumn("nip", "varchar");
        rows.AddColumn("name", "text");
        rows.AddColumn("title", "text");
        rows.AddColumn("full_name", "text");
        rows.AddColumn("unit_code", "text");
        rows.Indexes.Add(new IndexDefinition($"{TableName}_nip") { Columns = ["nip"], IncludeColumns = ["name", "title", "id"] });
        // A NIP's prefix (LIKE '…%') in any collation; not a trigram index on the NIP (decision 154, amended).
        rows.Indexes.Add(new IndexDefinition($"{TableName}_nip_prefix") { Columns = ["nip"], Mask = "? text_pattern_ops" });
        rows.Indexes.Add(Trigram($"{TableName}_name_trgm", "name"));
        rows.Indexes.Add(Trigram($"{TableName}_title_trgm", "title"));
        // A unit's (or units') matches by NIP: joined to the profiles for the unit, PostgreSQL hashed every match of a common term
        // (30.8 ms for "guru" in SETDA against 2.4 ms on the profiles' own indexes).
        rows.Indexes.Add(new IndexDefinition($"{TableName}_unit_nip") { Columns = ["unit_code", "nip"] });
        yield return rows;
        foreach (var kept in TriggerKeptFeature.Keeping(schema, profiles, FunctionName, table, $$"""
              if tg_op = 'DELETE' then
                delete from {{table}} where id = old.id;
                return null;
              end if;
              insert into {{table}} ({{Columns}}) values ({{RowOf("new")}})
                on conflict (id) do update set nip = excluded.nip, name = excluded.name, title = excluded.title, full_name = excluded.full_name,
                  unit_code = excluded.unit_code;
            """, "kinerja_employee_search", "kinerja_employee_search_changes",
            "(((old.data ->> 'nip'::text) IS DISTINCT FROM (new.data ->> 'nip'::text)) "
                + "OR ((old.data ->> 'fullName'::text) IS DISTINCT FROM (new.data ->> 'fullName'::text)) "
                + "OR ((old.data ->> 'latestPositionTitle'::text) IS DISTINCT FROM (new.data ->> 'latestPositionTitle'::text)) "
                + "OR ((old.data ->> 'latestUnitCode'::text) IS DISTINCT FROM (new.data ->> 'latestUnitCode'::text)))", replaces: ["kinerja_keep_employee_search"]))
        {
            yield return kept;
        }
    }

    private static IndexDefinition Trigram(string name, string column) =>
        new(name) { Columns = [column], Method = IndexMethod.gin, Mask = "? gin_trgm_ops" };

    public sealed class Feature(StoreOptions options) : TriggerKeptFeature(options, nameof(EmployeeSearchRows), typeof(EmployeeProfile), SchemaObjects);
}
