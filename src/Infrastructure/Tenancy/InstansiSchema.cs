using Marten;

namespace Kinerja.Infrastructure.Tenancy;

/// <summary>
/// Marten's tables in an instansi's database before the tenant table names it (docs/decisions/155): a running service takes up a
/// recorded instansi at once (decision 151), so a database recorded first and migrated second was served, projected and fed half
/// built, and a failed migration left the record behind. A store of the live configuration on that one database applies them.
/// </summary>
public sealed class InstansiSchema(Action<StoreOptions, string> configure)
{
    public async Task Apply(string connectionString)
    {
        using var store = DocumentStore.For(opts => configure(opts, connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // So the next start with the schema applied on start finds this database current (docs/decisions/156).
        await Common.SchemaStamp.Record(store.Storage.Database, store.Options.DatabaseSchemaName, CancellationToken.None);
    }
}
