using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Wolverine.Persistence.Durability;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace Kinerja.Infrastructure.Tenancy;

/// <summary>
/// Marten's and Wolverine's tables in an instansi's database before the tenant table names it (docs/decisions/155, 158): a running
/// service takes up a recorded instansi at once (decision 151), its projections and feed and its Wolverine durability agent, so a
/// database recorded first and migrated second was served, projected, fed and polled half built, and a failed migration left the
/// record behind. A store of the live configuration on that one database applies Marten's tables; Wolverine's are the tables of an
/// instansi's message store as this service configures it, taken from one it already has (every instansi's are alike: same schema,
/// same role), because Wolverine builds its store for an instansi only once the instansi is recorded.
/// </summary>
public sealed class InstansiSchema(Action<StoreOptions, string> configure)
{
    public async Task Apply(string connectionString, IWolverineRuntime wolverine, string defaultInstansi)
    {
        using var store = DocumentStore.For(opts => configure(opts, connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var template = await InstansiMessageStore(wolverine, defaultInstansi);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var migration = await SchemaMigration.DetermineAsync(connection, CancellationToken.None, [.. template.AllObjects()]);
            await template.Migrator.ApplyAllAsync(connection, migration, AutoCreate.CreateOrUpdate, template.MigrationLogger);
        }

        // Stamped once both Marten's and Wolverine's tables are there, so the next start with the schema applied on start finds
        // this database current (docs/decisions/156, 167).
        var database = store.Storage.Database;
        await Common.SchemaStamp.Record(database, store.Options.DatabaseSchemaName, Common.SchemaStamp.Fingerprint(database, wolverine.Storage),
            CancellationToken.None);
    }

    /// <summary>
    /// The default instansi's message store: it is always recorded (seeded with the tenant table). Asked of Wolverine's tenanted
    /// source by the instansi's id: its list of stores leaves this one out, as it shares the main store's database.
    /// </summary>
    private static async Task<DatabaseBase<NpgsqlConnection>> InstansiMessageStore(IWolverineRuntime wolverine, string defaultInstansi)
    {
        foreach (var tenanted in wolverine.Stores.MultiTenanted)
        {
            if (await tenanted.Source.FindAsync(defaultInstansi) is IMessageDatabase { Settings.Role: MessageStoreRole.Tenant } and DatabaseBase<NpgsqlConnection> store)
            {
                return store;
            }
        }

        throw new InvalidOperationException("Wolverine has no message store for an instansi: is Kinerja:Tenancy:Enabled on?");
    }
}
