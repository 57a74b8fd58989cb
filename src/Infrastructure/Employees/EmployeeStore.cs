using JasperFx.Events.Projections;
using Kinerja.Application.Employees;
using Marten;
using Marten.Schema;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

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
            .GinIndexJsonDataMember(x => x.ActingOfficials!)
            // The search (?q=) is ILIKE '%…%' on the name and the position title and LIKE '…%' on the NIP: no b-tree answers a
            // substring, so PostgreSQL read every profile (127 ms at a province's 50,000). Trigram indexes answer the two substrings,
            // a b-tree of text_pattern_ops the NIP's prefix in any collation, and the planner ORs them (docs/decisions/143, 154). Not a
            // trigram index on the NIP: PostgreSQL may take it for the NIP's equality look-ups too, and an import's look-ups of
            // twelve-digit numbers through digit trigrams cost the import five times its time (decision 154, amended).
            // The trigram indexes need the pg_trgm extension, declared below so that db-apply creates it.
            .Index(x => x.FullName, Trigram("mt_doc_employeeprofile_idx_full_name_trgm"))
            .Index(x => x.LatestPositionTitle, Trigram("mt_doc_employeeprofile_idx_position_title_trgm"))
            .Index(x => x.Nip, i =>
            {
                i.Name = "mt_doc_employeeprofile_idx_nip_prefix";
                i.Mask = "? text_pattern_ops";
            });
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
    }

    private static Action<ComputedIndex> Trigram(string name) => index =>
    {
        index.Name = name;
        index.Method = IndexMethod.gin;
        index.Mask = "? gin_trgm_ops";
    };
}
