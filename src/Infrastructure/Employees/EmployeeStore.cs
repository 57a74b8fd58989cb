using JasperFx.Events.Projections;
using Kinerja.Application.Employees;
using Marten;

namespace Kinerja.Infrastructure.Employees;

internal static class EmployeeStore
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var type in EmployeeEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }

        opts.Projections.Add<EmployeeStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<EmployeeProfileProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<FormerNipProjection>(ProjectionLifecycle.Inline);
        // The NIP's uniqueness is enforced here, in the transaction that appends the events, so two racing registrations cannot both commit.
        opts.Schema.For<EmployeeProfile>().UniqueIndex(x => x.Nip).Index(x => x.LatestUnitCode).Index(x => x.LatestSupervisorId!);
    }
}
