using System.Globalization;
using Kinerja.Application.Talent;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Kinerja.Infrastructure.Common;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Kinerja.Infrastructure.Talent;

/// <summary>
/// One narrow row per talent grid key of a talent profile (a cycle, or a cycle and unit, of one of its finals): what the grid's
/// statement needs of the person, the final and the potentials, and the person's place in the grid as of the key's cycle's period end
/// (docs/decisions/169, 176). PostgreSQL's triggers on the profiles' table keep the rows in the transaction that writes the profile, so a
/// rebuild of the profiles (which deletes or truncates them, then writes them again) rebuilds them too; an update that keeps every column
/// read here does not touch them. With the place kept, the grid's page is read in order from an index and its counts are counted from the
/// same index's entries alone, instead of placing every person of the unit.
/// </summary>
/// <remarks>
/// The place kept is the one among every potential recorded (the cycle's period end from its document, <c>box_day</c>; the potential
/// chosen, recorded at <c>box_tick</c>). A closed cycle's grid takes only the potentials recorded by its closing: the kept place holds
/// for it when the chosen one was recorded by then, which the statement checks row by row (<c>box_tick</c> in the index), and the few
/// that do not hold (a potential in force at the period's end but recorded after the closing; a row written before its cycle was known,
/// <c>box_day</c> -1) are placed by the statement itself, as every row was before.
/// </remarks>
internal static class TalentGridRows
{
    /// <summary>The rows; <c>kinerja_talent_grid</c> until they carried their place (docs/decisions/176).</summary>
    public const string TableName = "kinerja_talent_grid_rows";

    /// <summary>What <see cref="TableName"/> replaces: dropped once the new rows are filled.</summary>
    private const string Replaced = "kinerja_talent_grid";

    public static string Table(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";

    /// <summary>The trigger function; <c>kinerja_keep_talent_grid</c> until it planned once (docs/decisions/174), <c>_v2</c> until it kept the
    /// place (176), <c>_v3</c> until a rebuild truncated the rows instead of deleting them (178).</summary>
    public const string FunctionName = "kinerja_keep_talent_grid_v4";

    /// <summary>The day a row is kept with when its cycle is not known (no period end is negative).</summary>
    public const int UnknownCycle = -1;

    private const string Columns =
        "grid_key, id, nip, predikat, unit_code, full_name, potential_values, potential_days, potential_ticks, box_day, place, box_tick, potential, assessed_day";

    /// <summary>
    /// The place in the grid's order of a box: boxes 9 to 1, then those not assessed (box 0), ascending as an index reads it.
    /// </summary>
    public static string Place(string box) => $"({CandidateKey.NineBoxTop} - {box})";

    /// <summary>The box from a place (<see cref="Place"/> is its own inverse).</summary>
    public static string BoxOf(string place) => Place(place);

    /// <summary>
    /// The 9-box's number of a predikat and a potential's number (null: not assessed, <see cref="GridKey.NotAssessed"/>), from
    /// <see cref="NineBox"/> itself as a SQL array indexed by predikat × potentials + potential + 1.
    /// </summary>
    public static string Box(string predikat, string potential) => $"coalesce(({BoxNumbers})[{predikat} * {Potentials} + {potential} + 1], {GridKey.NotAssessed})";

    private static readonly int Potentials = Enum.GetValues<Potential>().Length;

    private static readonly string BoxNumbers = "array[" + string.Join(", ",
        Enum.GetValues<Predikat>().SelectMany(p => Enum.GetValues<Potential>().Select(v => NineBox.For(p, v).Number.ToString(CultureInfo.InvariantCulture)))) + "]";

    /// <summary>
    /// The place of the first of a row's potentials (in the grid's order of preference) assessed by <paramref name="day"/> and recorded by
    /// <paramref name="by"/>: its position in the arrays, or null.
    /// </summary>
    public static string InForce(string row, string day, string by) => $"""
        (select u.n from unnest({row}.potential_days, {row}.potential_ticks) with ordinality u(d, r, n) where u.d <= {day} and u.r <= {by} order by u.n limit 1)
        """;

    /// <summary>
    /// A profile's rows, from the profile <paramref name="row"/> (a table alias, or the trigger's <c>new</c>): each key once, at its
    /// first place, which is also its final's (<see cref="TalentProfile.GridKeys"/>: the latest final first; a cycle's key is followed
    /// by its final's unit key), placed as of its cycle's period end among every potential recorded.
    /// </summary>
    private static string RowsOf(string row, string cycles) => $"""
        select k.key, {row}.id, {row}.nip, k.predikat, k.unit_code, {row}.data ->> 'fullName',
          {row}.potential_values, {row}.potential_days, {row}.potential_ticks,
          coalesce(c.day, {UnknownCycle}), {Place(Box("k.predikat", $"{row}.potential_values[a.n]"))}, coalesce({row}.potential_ticks[a.n], 0),
          {row}.potential_values[a.n], {row}.potential_days[a.n]
        from (select u.key, {row}.grid_predikats[min(u.pos)] as predikat,
            split_part({row}.grid_keys[case when strpos(u.key, ':') > 0 then min(u.pos) else min(u.pos) + 1 end], ':', 2) as unit_code
          from unnest({row}.grid_keys) with ordinality u(key, pos) group by u.key) k
        left join lateral (select (y.data ->> 'periodEnd')::date - date '0001-01-01' as day from {cycles} y
          where y.id = split_part(k.key, ':', 1)::uuid) c on true
        left join lateral (select {InForce(row, "c.day", long.MaxValue.ToString(CultureInfo.InvariantCulture))} as n) a on true
        """;

    /// <summary>The rows from the profiles already stored: what the table is filled with when created.</summary>
    public static string Fill(string table, string profiles, string cycles) =>
        $"insert into {table} ({Columns}) select r.* from {profiles} t cross join lateral ({RowsOf("t", cycles)}) r";

    /// <summary>The table, its function and its three triggers (db-apply creates and diffs them).</summary>
    private static IEnumerable<ISchemaObject> SchemaObjects(string schema, string profiles, string cycles)
    {
        var table = $"{schema}.{TableName}";
        var (profilesTable, cyclesTable) = ($"{schema}.{profiles}", $"{schema}.{cycles}");
        // NIPs are ordered as ordinal strings (the page's order is box, then NIP, as before the rows were kept): the column is "C", so its
        // index hands over a page in that order whatever the database's collation. The rows replaced are dropped once these are filled.
        var rows = new FilledTable(TriggerKeptFeature.Name(schema, TableName), [profilesTable, cyclesTable], Fill(table, profilesTable, cyclesTable),
            settings: $"""
                alter table {table} alter column nip type varchar collate "C";
                drop table if exists {schema}.{Replaced};
                """);
        rows.AddColumn("grid_key", "varchar").NotNull();
        rows.AddColumn<Guid>("id").NotNull();
        rows.AddColumn("nip", "varchar").NotNull();
        rows.AddColumn<int>("predikat").NotNull();
        rows.AddColumn("unit_code", "varchar").NotNull();
        rows.AddColumn("full_name", "varchar").NotNull();
        rows.AddColumn("potential_values", "integer[]");
        rows.AddColumn("potential_days", "integer[]");
        rows.AddColumn("potential_ticks", "bigint[]");
        rows.AddColumn<int>("box_day").NotNull();
        rows.AddColumn<int>("place").NotNull();
        rows.AddColumn<long>("box_tick").NotNull();
        rows.AddColumn("potential", "integer");
        rows.AddColumn("assessed_day", "integer");
        // A profile's rows are found by key and profile (the trigger's delete).
        rows.Indexes.Add(new IndexDefinition($"{TableName}_id") { IsUnique = true, Columns = ["grid_key", "id"] });
        // A key's page in the grid's order, and its counts by place, from the index alone, the place's check in it.
        rows.Indexes.Add(new IndexDefinition($"{TableName}_page")
        {
            Columns = ["grid_key", "place", "nip"],
            IncludeColumns = ["full_name", "unit_code", "predikat", "potential", "assessed_day", "box_day", "box_tick"],
        });
        // The few rows whose kept place does not hold for a closed cycle: a range of this index, empty as a rule.
        rows.Indexes.Add(new IndexDefinition($"{TableName}_held") { Columns = ["grid_key", "box_day", "box_tick"] });
        yield return rows;
        foreach (var kept in TriggerKeptFeature.Keeping(schema, profiles, FunctionName, table, $$"""
              if tg_op in ('UPDATE', 'DELETE') then
                delete from {{table}} where grid_key = any(old.grid_keys) and id = old.id;
              end if;
              if tg_op in ('UPDATE', 'INSERT') then
                insert into {{table}} ({{Columns}})
                {{RowsOf("new", cyclesTable)}};
              end if;
            """, "kinerja_talent_grid", "kinerja_talent_grid_changes",
            "((old.grid_keys IS DISTINCT FROM new.grid_keys) OR (old.grid_predikats IS DISTINCT FROM new.grid_predikats) "
                + "OR (old.potential_values IS DISTINCT FROM new.potential_values) OR (old.potential_days IS DISTINCT FROM new.potential_days) "
                + "OR (old.potential_ticks IS DISTINCT FROM new.potential_ticks) OR ((old.nip)::text IS DISTINCT FROM (new.nip)::text) "
                + "OR ((old.data ->> 'fullName'::text) IS DISTINCT FROM (new.data ->> 'fullName'::text)))", replaces: ["kinerja_keep_talent_grid_v3", "kinerja_keep_talent_grid_v2", "kinerja_keep_talent_grid"]))
        {
            yield return kept;
        }
    }

    /// <summary>The rows, kept from the talent profiles, placed by the appraisal cycles' period ends.</summary>
    public sealed class Feature(StoreOptions options) : TriggerKeptFeature(options, nameof(TalentGridRows), typeof(TalentProfile),
        (schema, profiles) => SchemaObjects(schema, profiles, ((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(typeof(AppraisalCycle)).TableName.Name))
    {
        public override IEnumerable<Type> DependentTypes() => [typeof(TalentProfile), typeof(AppraisalCycle)];
    }
}
