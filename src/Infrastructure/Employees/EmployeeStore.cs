using JasperFx.Events.Projections;
using Kinerja.Application.Employees;
using Marten;
using Weasel.Postgresql;

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
        opts.Schema.For<EmployeeProfile>().UniqueIndex(x => x.Nip).Index(x => x.LatestSupervisorId!)
            // A unit's staff are listed by NIP a page at a time: in this order the index hands over one page; on the unit alone PostgreSQL
            // read and sorted all 936 of a province's largest unit for a page of 100 (docs/decisions/154). The unit alone still uses it.
            .Index([x => x.LatestUnitCode, x => x.Nip], i => i.Name = "mt_doc_employeeprofile_idx_unit_nip")
            // Who ever reported to a superior, and for whom an ASN acts (a supervisor's worklist, subordinates, unit scope) are containment
            // tests on these lists (DocumentTables.WithListElement): at a province's 50,000 profiles a scan of every profile took 200 ms,
            // through these indexes about 1 ms plus reading the rows found (docs/decisions/143).
            .GinIndexJsonDataMember(x => x.Supervisors)
            .GinIndexJsonDataMember(x => x.ActingOfficials!);
        // The search (?q=) reads narrow rows kept by triggers on this table (EmployeeSearchRows, docs/decisions/175), not the profiles:
        // its trigram and NIP-prefix indexes are there. ILIKE '%…%' has no b-tree to answer it, so without trigram indexes PostgreSQL read
        // every profile (127 ms at a province's 50,000; decisions 143, 154). The trigram indexes need the pg_trgm extension, declared
        // below so that db-apply creates it.
        opts.Storage.Add(new EmployeeSearchRows.Feature(opts));
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
    }
}
