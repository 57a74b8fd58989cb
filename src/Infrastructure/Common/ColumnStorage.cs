using System.Data.Common;
using Weasel.Core;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// How PostgreSQL stores one column of a document's table: its storage strategy (<c>main</c>: compressed in the row, moved out of line
/// only when the row would not fit a page) and its compression method (<c>lz4</c>). A schema object of its own, so <c>db-apply</c>
/// sets both on an existing table and a second <c>db-apply</c> finds nothing to do; Marten's table diff knows neither. Values already
/// stored keep their form until they are next written (docs/upgrading.md). Used for the appraisal standing's JSON (docs/decisions/173).
/// </summary>
internal sealed class ColumnStorage(DbObjectName table, string column, char storage, char compression) : ISchemaObject
{
    private static readonly Dictionary<char, string> Storages = new() { ['p'] = "plain", ['e'] = "external", ['m'] = "main", ['x'] = "extended" };
    private static readonly Dictionary<char, string> Compressions = new() { ['p'] = "pglz", ['l'] = "lz4" };

    public DbObjectName Identifier { get; } = TriggerKeptFeature.Name(table.Schema, $"{table.Name}_{column}_storage");

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine(
            $"alter table {table.QualifiedName} alter column {column} set storage {Storages[storage]}, alter column {column} set compression {Compressions[compression]};");

    /// <summary>Nothing to drop: the column goes with its table.</summary>
    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
    }

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) =>
        builder.Append(
            $"select a.attstorage::text, a.attcompression::text from pg_attribute a where a.attrelid = to_regclass('{table.QualifiedName}') and a.attname = '{column}';");

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var difference = SchemaPatchDifference.Create;
        if (await reader.ReadAsync(ct))
        {
            var current = (reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1));
            difference = current == (storage.ToString(), compression.ToString()) ? SchemaPatchDifference.None : SchemaPatchDifference.Update;
        }

        return new Delta(this, difference);
    }

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    private sealed class Delta(ColumnStorage storage, SchemaPatchDifference difference) : ISchemaObjectDelta
    {
        public ISchemaObject SchemaObject => storage;

        public SchemaPatchDifference Difference => difference;

        public void WriteUpdate(Migrator rules, TextWriter writer) => storage.WriteCreateStatement(rules, writer);

        /// <summary>Back to PostgreSQL's defaults for a jsonb column.</summary>
        public void WriteRollback(Migrator rules, TextWriter writer) =>
            writer.WriteLine($"alter table {storage.Identifier.Schema}.{storage.TableName} alter column {storage.Column} set storage extended, alter column {storage.Column} set compression default;");

        public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) => WriteRollback(rules, writer);
    }

    private string TableName => table.Name;

    private string Column => column;
}
