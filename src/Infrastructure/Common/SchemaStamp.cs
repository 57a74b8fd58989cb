using System.Security.Cryptography;
using System.Text;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core.Migrations;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// A database that already holds this configuration's schema is not diffed again (docs/decisions/156): the diff reads the
/// catalog for every table, index and function of the store, about a quarter of a Development start. The stamp is a hash of
/// the DDL the configuration would create (every schema object's create statement, in name order), kept in a one-row table in
/// the store's own schema, so dropping the schema drops its stamp with it. A matching stamp is trusted: drift made by hand is
/// not repaired by a start, as with Weasel's own fingerprinting; <c>db-assert</c> still compares the whole catalog.
/// Weasel's <c>UseSchemaFingerprinting</c> does the same but keeps its stamps in <c>public</c>, where they outlive a dropped
/// schema and would skip the apply into the empty schema of the same name.
/// </summary>
public static class SchemaStamp
{
    private const string Table = "kinerja_schema_stamp";

    /// <summary>Applies the configuration to the database unless its stamp matches; returns whether it applied.</summary>
    public static async Task<bool> ApplyUnlessStamped(IMartenDatabase martenDatabase, string schema, CancellationToken ct)
    {
        var database = (DatabaseBase<NpgsqlConnection>)martenDatabase;
        var fingerprint = Fingerprint(database);
        await using (var conn = database.CreateConnection())
        {
            await conn.OpenAsync(ct);
            if (await Read(conn, schema, ct) == fingerprint)
            {
                // Otherwise each document type would still diff its own tables on first use (AutoCreate.CreateOrUpdate).
                database.MarkAllFeaturesAsChecked();
                return false;
            }
        }

        await martenDatabase.ApplyAllConfiguredChangesToDatabaseAsync(ct: ct);
        await Record(database, schema, fingerprint, ct);
        return true;
    }

    /// <summary>After an apply made elsewhere (an instansi added), so the next start finds the database stamped.</summary>
    public static Task Record(IMartenDatabase martenDatabase, string schema, CancellationToken ct)
    {
        var database = (DatabaseBase<NpgsqlConnection>)martenDatabase;
        return Record(database, schema, Fingerprint(database), ct);
    }

    public static string Fingerprint(DatabaseBase<NpgsqlConnection> database)
    {
        var writer = new StringWriter();
        foreach (var schemaObject in database.AllObjects().OrderBy(o => o.Identifier.QualifiedName, StringComparer.Ordinal))
        {
            writer.WriteLine(schemaObject.Identifier.QualifiedName);
            schemaObject.WriteCreateStatement(database.Migrator, writer);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(writer.ToString())));
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

    private static async Task Record(DatabaseBase<NpgsqlConnection> database, string schema, string fingerprint, CancellationToken ct)
    {
        await using var conn = database.CreateConnection();
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

/// <summary>The start-time apply of <c>Kinerja:ApplySchemaOnStart</c>, every database of the store (each instansi's too).</summary>
internal sealed class SchemaOnStart(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var database in await store.Storage.AllDatabases())
        {
            await SchemaStamp.ApplyUnlessStamped(database, store.Options.DatabaseSchemaName, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
