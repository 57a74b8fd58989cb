using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// A table kept by PostgreSQL's triggers on a document's table (the ranking tally, decision 166; the talent grid's rows, decision 169):
/// a feature of its own that depends on the document, so Marten creates it after the document's table (an extended schema object is
/// created before the documents', and a trigger needs its table). Each kept table derives a class of its own: Marten keeps its features
/// by their type, so two of one type would be one feature.
/// </summary>
/// <param name="objects">The table, its function and its triggers, from the schema and the document's table name.</param>
internal abstract class TriggerKeptFeature(StoreOptions options, string identifier, Type document, Func<string, string, IEnumerable<ISchemaObject>> objects)
    : FeatureSchemaBase(identifier, options.Advanced.Migrator)
{
    public override IEnumerable<Type> DependentTypes() => [document];

    protected override IEnumerable<ISchemaObject> schemaObjects() =>
        objects(options.DatabaseSchemaName, ((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(document).TableName.Name);

    public static PostgresqlObjectName Name(string schema, string name) => new(schema, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>
    /// The trigger function <paramref name="function"/> with its plpgsql <paramref name="body"/>, and its three triggers on
    /// <paramref name="documents"/>: <c>{prefix}_rows</c> after an insert or a delete, <paramref name="updates"/> after an update when
    /// <paramref name="condition"/> holds, <c>{prefix}_truncate</c> after a truncate. The body handles a row's insert, update and delete;
    /// the truncate of the documents (a rebuild's first step) empties the <paramref name="kept"/> table, written here once for all.
    /// </summary>
    /// <remarks>
    /// The truncate empties the kept table by truncating it in turn, so that the rebuild writes its rows into a new, empty table and
    /// indexes. Deleting every row left the dead entries in the indexes, and the rows written again came beside them: after a few
    /// rebuilds the talent grid's page index was 30–57 MB against 15 MB built afresh, and a unit's count read twice the pages
    /// (docs/decisions/178). The truncate takes the kept table's exclusive lock without waiting: a statement that reads the kept table
    /// and then the documents (the registry's search) holds the first while it waits for the second, which the documents' truncate
    /// holds, and waiting here would deadlock with it. When the lock is not free at once, the rows are deleted as before.
    /// </remarks>
    /// <param name="condition">As pg_get_triggerdef prints it back, and the body as pg_get_functiondef does, so that the diff of a
    /// database already holding them finds nothing to do.</param>
    /// <remarks>
    /// The function plans its statements as any other client may (<c>plan_cache_mode</c> <c>auto</c> while it runs): the service's
    /// connections carry <c>force_custom_plan</c> (docs/decisions/063), under which every statement of a plpgsql function is planned
    /// again on every call. The async daemon writes the talent profiles on such connections, and the grid rows' insert planned once a
    /// profile was 0.09 ms of PostgreSQL's time a row of an import, twenty times its execution (docs/decisions/174). The statements
    /// here read <c>new</c> and <c>old</c> and write by the kept table's key, where the generic plan is the custom one.
    /// </remarks>
    /// <param name="replaces">Earlier names of the function: dropped after the triggers call the new one (nothing to do where none is). A changed function must
    /// take a new name (docs/upgrading.md): Weasel replaces a function of the same name by dropping it with its triggers and does
    /// not create them again in the same patch, while triggers that call another function are dropped and created anew.</param>
    /// <param name="kept">The kept table, qualified by its schema.</param>
    public static IEnumerable<ISchemaObject> Keeping(
        string schema, string documents, string function, string kept, string body, string prefix, string updates, string condition, IReadOnlyList<string>? replaces = null)
    {
        var name = new PostgresqlObjectName(schema, function, SchemaUtils.IdentifierUsage.Function);
        yield return Function.ForSql($"""
            CREATE OR REPLACE FUNCTION {name.QualifiedName}()
             RETURNS trigger
             LANGUAGE plpgsql
             SET plan_cache_mode TO 'auto'
            AS $function$
            begin
              if tg_op = 'TRUNCATE' then
                begin
                  lock table {kept} in access exclusive mode nowait;
                  truncate {kept};
                exception when lock_not_available then
                  delete from {kept};
                end;
                return null;
              end if;
            {body}
              return null;
            end;
            $function$;
            """);
        var target = Name(schema, documents);
        var call = $"{name.QualifiedName}()";
        yield return new Trigger(Name(schema, $"{prefix}_rows"), target, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Delete, ForEachRow = true,
        };
        yield return new Trigger(Name(schema, updates), target, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Update, ForEachRow = true, Condition = condition,
        };
        yield return new Trigger(Name(schema, $"{prefix}_truncate"), target, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false,
        };
        foreach (var earlier in replaces ?? [])
        {
            yield return Function.ForRemoval(new PostgresqlObjectName(schema, earlier, SchemaUtils.IdentifierUsage.Function));
        }
    }
}

/// <summary>
/// Created filled from what the tables it is kept from already hold (<paramref name="fill"/>), so an existing database's
/// <c>db-apply</c> needs no rebuild (docs/upgrading.md); a new database has nothing to fill from, or not yet the tables it reads
/// (<paramref name="reads"/>) when this is created first. <paramref name="settings"/>: statements run after the creation either way
/// (a column's statistics target, which Weasel does not model).
/// </summary>
internal sealed class FilledTable(DbObjectName name, IReadOnlyList<string> reads, string fill, string? settings = null) : Table(name)
{
    public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        base.WriteCreateStatement(migrator, writer);
        if (settings is not null)
        {
            writer.WriteLine(settings);
        }

        writer.WriteLine($"""
            do $fill$ begin
              if {string.Join(" and ", reads.Select(t => $"to_regclass('{t}') is not null"))} then
                {fill};
              end if;
            end $fill$;
            """);
    }
}
