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
        opts.Schema.For<EmployeeProfile>().UniqueIndex(x => x.Nip).Index(x => x.LatestUnitCode).Index(x => x.LatestSupervisorId!)
            // Who ever reported to a superior, and for whom an ASN acts (a supervisor's worklist, subordinates, unit scope) are containment
            // tests on these lists (DocumentTables.WithListElement): at a province's 50,000 profiles a scan of every profile took 200 ms,
            // through these indexes about 1 ms plus reading the rows found (docs/decisions/143).
            .GinIndexJsonDataMember(x => x.Supervisors)
            .GinIndexJsonDataMember(x => x.ActingOfficials!);
    }
}
