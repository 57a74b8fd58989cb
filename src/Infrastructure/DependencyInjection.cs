using JasperFx;
using JasperFx.Events.Projections;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain.Units;
using Kinerja.Infrastructure.Common;
using Kinerja.Infrastructure.Employees;
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
                RegisterEventTypes(opts);

                opts.Projections.Add<UnitProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<EmployeeStateProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<EmployeeProfileProjection>(ProjectionLifecycle.Inline);
                // The NIP's uniqueness is enforced here, in the transaction that appends the events, so two racing registrations cannot both commit.
                opts.Schema.For<EmployeeProfile>().UniqueIndex(x => x.Nip).Index(x => x.LatestUnitCode).Index(x => x.LatestSupervisorId!);
                opts.Schema.For<IdempotencyRecord>();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = schema);

        services.AddWolverine(opts =>
        {
            opts.UseRuntimeCompilation();
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
        });

        services.AddScoped<IEventStore, MartenEventStore>();
        services.AddScoped<IUnitDirectory, MartenUnitDirectory>();
        services.AddScoped<IEmployeeDirectory, MartenEmployeeDirectory>();
        services.AddSingleton<IIdempotencyStore, MartenIdempotencyStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
        return services;
    }

    /// <summary>Events are a stored contract: every type is registered by name, never discovered.</summary>
    private static void RegisterEventTypes(StoreOptions opts)
    {
        opts.Events.AddEventType<UnitRegistered>();
        opts.Events.AddEventType<UnitRenamed>();
        foreach (var type in EmployeeEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }
    }
}
