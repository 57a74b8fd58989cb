using JasperFx;
using JasperFx.Events.Daemon;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Infrastructure.Common;
using Kinerja.Infrastructure.Employees;
using Kinerja.Infrastructure.Integration;
using Kinerja.Infrastructure.Units;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Kinerja.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Kinerja";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Start the service with scripts/run.sh, which provisions a local PostgreSQL, or set ConnectionStrings__{ConnectionStringName}.");
        var schema = configuration["Kinerja:Schema"] ?? "kinerja";

        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = schema;
                opts.Events.DatabaseSchemaName = schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.Events.MetadataConfig.EnableAll();
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Events are a stored contract: each module registers its event types by name, never by discovery.
                UnitStore.Configure(opts);
                EmployeeStore.Configure(opts);
                FeedStore.Configure(opts);
                opts.Schema.For<IdempotencyRecord>();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = schema)
            .AddAsyncDaemon(DaemonMode.Solo)
            .AddIntegrationFeed();

        services.AddWolverine(opts =>
        {
            opts.UseRuntimeCompilation();
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            FeedStore.Configure(opts);
        });
        services.AddFeed(configuration, connectionString);

        services.AddScoped<IEventStore, MartenEventStore>();
        services.AddScoped<IUnitDirectory, MartenUnitDirectory>();
        services.AddScoped<IEmployeeDirectory, MartenEmployeeDirectory>();
        services.AddSingleton<IIdempotencyStore, MartenIdempotencyStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
        return services;
    }
}
