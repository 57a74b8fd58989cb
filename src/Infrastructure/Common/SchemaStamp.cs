using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core.Migrations;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// A database that already holds this configuration's schema is not diffed again (docs/decisions/156, 167): the diff reads the
/// catalog for every table, index and function of the store and of Wolverine's message storage, a large share of a Development
/// start. The stamp is a hash of the DDL the configuration would create in the database (every schema object's create statement,
/// in name order: Marten's, then Wolverine's message tables), kept in a one-row table in the store's own schema, so dropping the
/// schema drops its stamp with it. A matching stamp is trusted: drift made by hand is not repaired by a start, as with Weasel's
/// own fingerprinting; <c>db-assert</c> still compares the whole catalog.
/// Weasel's <c>UseSchemaFingerprinting</c> does the same but keeps its stamps in <c>public</c>, where they outlive a dropped
/// schema and would skip the apply into the empty schema of the same name.
/// </summary>
public static class SchemaStamp
{
    private const string Table = "kinerja_schema_stamp";

    /// <summary>
    /// Whether the database holds the stamp <paramref name="fingerprint"/>; if so, Marten's features are marked as checked
    /// (otherwise each document type would still diff its own tables on first use, AutoCreate.CreateOrUpdate).
    /// </summary>
    public static async Task<bool> IsStamped(IMartenDatabase martenDatabase, string schema, string fingerprint, CancellationToken ct)
    {
        var database = (DatabaseBase<NpgsqlConnection>)martenDatabase;
        await using var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        if (await Read(conn, schema, ct) != fingerprint)
        {
            return false;
        }

        database.MarkAllFeaturesAsChecked();
        return true;
    }

    /// <summary>
    /// The stamp of a database holding the store's schema and the message tables Wolverine keeps in it: the main message store's
    /// tables (<see cref="MessageTables"/>), the same build's for every database, so a changed Wolverine configuration or version
    /// changes every database's stamp.
    /// </summary>
    public static string Fingerprint(IMartenDatabase martenDatabase, IMessageStore messages)
    {
        var writer = new StringWriter();
        WriteCreateStatements((DatabaseBase<NpgsqlConnection>)martenDatabase, writer);
        WriteCreateStatements(MessageTables(messages), writer);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(writer.ToString())));
    }

    /// <summary>Wolverine's main message store (the database of the main connection string), whose tables every start migrates.</summary>
    public static DatabaseBase<NpgsqlConnection> MessageTables(IMessageStore messages) => messages switch
    {
        MultiTenantedMessageStore tenanted => MessageTables(tenanted.Main),
        DatabaseBase<NpgsqlConnection> database => database,
        _ => throw new InvalidOperationException($"Wolverine's message store is a {messages.GetType().Name}, not a PostgreSQL one."),
    };

    private static void WriteCreateStatements(DatabaseBase<NpgsqlConnection> database, TextWriter writer)
    {
        foreach (var schemaObject in database.AllObjects().OrderBy(o => o.Identifier.QualifiedName, StringComparer.Ordinal))
        {
            writer.WriteLine(schemaObject.Identifier.QualifiedName);
            schemaObject.WriteCreateStatement(database.Migrator, writer);
        }
    }

    public static async Task<string?> Read(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("select to_regclass(@table) is not null", conn);
        exists.Parameters.AddWithValue("table", $"{schema}.{Table}");
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            return null;
        }

        await using var read = new NpgsqlCommand($"select fingerprint from {schema}.{Table} where id = 1", conn);
        return await read.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Stamps the database once both Marten's and Wolverine's tables are in place, so the next start finds it current.</summary>
    public static async Task Record(IMartenDatabase martenDatabase, string schema, string fingerprint, CancellationToken ct)
    {
        await using var conn = ((DatabaseBase<NpgsqlConnection>)martenDatabase).CreateConnection();
        await conn.OpenAsync(ct);
        await using var write = new NpgsqlCommand(
            $"""
             create table if not exists {schema}.{Table} (id int primary key check (id = 1), fingerprint text not null, applied_at timestamptz not null);
             insert into {schema}.{Table} values (1, @fingerprint, now())
             on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = excluded.applied_at
             """, conn);
        write.Parameters.AddWithValue("fingerprint", fingerprint);
        await write.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// The start-time apply of <c>Kinerja:ApplySchemaOnStart</c>, every database of the store (each instansi's too), the first of the
/// hosted services. Where every database's stamp matches, Wolverine's start only checks that its tables exist
/// (<c>AutoBuildMessageStorageOnStartup = None</c>, as a production start); otherwise Marten's apply runs on each database that
/// does not match, Wolverine compares and migrates its message tables as it starts (every database's), and only once the whole
/// start has succeeded (<see cref="StartedAsync"/>) are those databases stamped, so a failed migration is tried again next time.
/// </summary>
internal sealed class SchemaOnStart(IDocumentStore store, IWolverineRuntime wolverine, IMessageStore messages) : IHostedLifecycleService
{
    private readonly List<(IMartenDatabase Database, string Fingerprint)> _applied = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var schema = store.Options.DatabaseSchemaName;
        foreach (var database in await store.Storage.AllDatabases())
        {
            var fingerprint = SchemaStamp.Fingerprint(database, messages);
            if (!await SchemaStamp.IsStamped(database, schema, fingerprint, cancellationToken))
            {
                await database.ApplyAllConfiguredChangesToDatabaseAsync(ct: cancellationToken);
                _applied.Add((database, fingerprint));
            }
        }

        if (_applied.Count == 0)
        {
            wolverine.Options.AutoBuildMessageStorageOnStartup = AutoCreate.None;
        }
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var (database, fingerprint) in _applied)
        {
            await SchemaStamp.Record(database, store.Options.DatabaseSchemaName, fingerprint, cancellationToken);
        }

        _applied.Clear();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
