using Kinerja.Infrastructure;
using Kinerja.Infrastructure.Tenancy;
using Marten;
using Marten.Storage;
using Npgsql;
using Weasel.Core.Migrations;

namespace Kinerja.Api.Tenancy;

/// <summary>
/// <c>tenants list</c> prints every instansi with its database; <c>tenants add ID [--connection STRING]</c> adds one
/// (docs/decisions/145): without a connection string it creates the database <c>kinerja_ID</c> on the server of
/// <c>ConnectionStrings:Kinerja</c>; it applies the schema (Marten's and Wolverine's tables) to it, then records the instansi in the
/// tenant table (docs/decisions/155, 158). Exit 0 done, 1 the database's schema
/// could not be applied (nothing recorded), 2 misuse (tenancy off, a bad id).
/// </summary>
public static class TenantsCommand
{
    public const string Verb = "tenants";

    public const string Usage = "usage: tenants list | tenants add ID [--connection CONNECTION-STRING]";

    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        if (store.Options.Tenancy is not MasterTableTenancy tenancy)
        {
            await Console.Error.WriteLineAsync("Tenancy is off (Kinerja:Tenancy:Enabled is false): the service serves one instansi, in ConnectionStrings:Kinerja.");
            return 2;
        }

        switch (args)
        {
            case ["list"]:
                foreach (var tenant in await TenantDatabases.All(store))
                {
                    var database = await store.Storage.FindOrCreateDatabase(tenant!);
                    await using var connection = (NpgsqlConnection)database.CreateConnection();
                    var where = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
                    Console.WriteLine($"{tenant}\t{where.Host}:{where.Port}/{where.Database}");
                }

                return 0;
            case ["add", var id, .. var rest] when rest is [] or ["--connection", _]:
                if (!TenancySettings.IsTenantId(id))
                {
                    await Console.Error.WriteLineAsync($"'{id}': {TenancySettings.TenantIdRule}");
                    return 2;
                }

                return await Add(services, tenancy, id, rest is [_, var given] ? given : null);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// The database with Marten's and Wolverine's tables first, then the record in the tenant table (decision 158), then the schema of
    /// every database once more, as db-apply does; if that fails, the record is taken back. A failure leaves no instansi half added.
    /// </summary>
    private static async Task<int> Add(IServiceProvider services, MasterTableTenancy tenancy, string id, string? given)
    {
        var main = services.GetRequiredService<IConfiguration>().GetConnectionString(DependencyInjection.ConnectionStringName)!;
        string connectionString;
        await tenancy.BuildDatabases();
        try
        {
            connectionString = given ?? await CreateDatabase(main, id);
            await services.GetRequiredService<InstansiSchema>().Apply(connectionString, services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>(),
                services.GetRequiredService<TenancySettings>().DefaultTenant);
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"instansi {id} not added: its database's schema could not be applied ({e.GetBaseException().Message}); nothing recorded");
            return 1;
        }

        await tenancy.AddDatabaseRecordAsync(id, connectionString);
        try
        {
            await ApplySchema(services);
        }
        catch
        {
            await tenancy.DeleteDatabaseRecordAsync(id);
            await Console.Error.WriteLineAsync($"instansi {id} not added: the schema could not be applied once recorded; its record was taken back");
            throw;
        }

        Console.WriteLine($"instansi {id} added, its schema applied");
        return 0;
    }

    /// <summary>The new instansi's database on the main database's server, named kinerja_ID; kept when it exists already.</summary>
    private static async Task<string> CreateDatabase(string main, string id)
    {
        var name = "kinerja_" + id.Replace('-', '_');
        await using (var connection = new NpgsqlConnection(main))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = $1", connection) { Parameters = { new() { Value = name } } };
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        // The record serves every node; each names its own connections (decision 158), so the name of the one that ran this is not kept.
        return new NpgsqlConnectionStringBuilder(main) { Database = name, ApplicationName = null }.ConnectionString;
    }

    /// <summary>
    /// What db-apply does, over every database the tenant table now names: Marten's tables and Wolverine's. A running service
    /// sees the new instansi as soon as it is recorded (decision 151) and may create the same tables and indexes at the same
    /// moment; the loser of such a race fails with "already exists", and comparing the schema again finds it complete.
    /// </summary>
    private static async Task ApplySchema(IServiceProvider services)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var source in services.GetServices<IDatabaseSource>())
                {
                    foreach (var database in await source.BuildDatabases())
                    {
                        await database.ApplyAllConfiguredChangesToDatabaseAsync();
                    }
                }

                return;
            }
            catch (Exception e) when (attempt < 5 && CreatedMeanwhile(e))
            {
                await Console.Error.WriteLineAsync($"the running service created part of the schema meanwhile ({e.GetBaseException().Message}); comparing again");
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    /// <summary>duplicate_table (42P07), duplicate_object (42710), or unique_violation (23505) on a catalog row: another session created it first.</summary>
    private static bool CreatedMeanwhile(Exception e) =>
        e.GetBaseException() is PostgresException { SqlState: "42P07" or "42710" or "23505" };
}
