using Kinerja.Infrastructure.Common;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Marten;

namespace Kinerja.Infrastructure.Tenancy;

/// <summary>
/// A database per instansi (docs/decisions/145). With <c>Kinerja:Tenancy:Enabled</c> the store looks instansi up in Marten's
/// tenant table (<c>mt_tenant_databases</c> in the main database's schema), seeded with the default instansi on the main
/// database itself, so its data stays where it was; Wolverine keeps its own tables in every instansi's database and the
/// main one. Off, nothing changes: one database, sessions without a tenant.
/// </summary>
public static class TenancySetup
{
    public static TenancySettings Read(IConfiguration configuration) =>
        configuration.GetSection(TenancySettings.Section).Get<TenancySettings>() ?? new TenancySettings();

    /// <summary>After <c>opts.Connection(...)</c>: with tenancy on, the store's databases come from the tenant table instead.</summary>
    internal static void ConfigureStore(StoreOptions opts, TenancySettings tenancy, string connectionString, string schema)
    {
        if (!tenancy.Enabled)
        {
            return;
        }

        // With a database per instansi Marten's HotCold daemon takes one advisory lock per database, numbered DaemonLockId itself
        // (not from the schema and shard as with one database): derive it from the schema, so two deployments (or the tests'
        // schemas) whose default instansi shares one database do not hold each other's projections back (decision 140).
        opts.Projections.DaemonLockId = Common.NodeLeadership.StableKey("daemon:" + schema);
        opts.MultiTenantedDatabasesWithMasterDatabaseTable(t =>
        {
            t.ConnectionString = connectionString;
            t.SchemaName = schema;
            t.RegisterDatabase(tenancy.DefaultTenant, connectionString);
        });
    }

    internal static void ConfigureWolverine(MartenIntegration wolverine, TenancySettings tenancy, string connectionString)
    {
        if (tenancy.Enabled)
        {
            wolverine.MainDatabaseConnectionString = connectionString;
        }
    }

    /// <summary>Every session a scope opens goes to the scope's instansi (<see cref="TenantScope"/>), set centrally by the request or message.</summary>
    internal static IServiceCollection AddTenantSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<TenancySettings>(configuration, TenancySettings.Section, TenancySettings.Broken);
        services.AddScoped<TenantScope>();
        services.AddScoped<TenantSessions>();
        // Replace Marten's own scoped sessions (opened without a tenant) with the scope's instansi's.
        services.AddScoped<IQuerySession>(sp => sp.GetRequiredService<TenantSessions>().Read());
        services.AddScoped<IDocumentSession>(sp => sp.GetRequiredService<TenantSessions>().Write());
        return services;
    }
}
