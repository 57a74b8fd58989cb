using Kinerja.Tools.Generating;
using Marten;

namespace Kinerja.Tools.Benchmarking;

/// <summary>
/// The facts the probes address, read back from a database that already holds a generated city (<c>benchmark --probes-only</c> on the
/// rebuild cluster kept between runs): the same choices the generator makes, taken from the read models instead of its memory.
/// </summary>
public static class KeptCity
{
    /// <param name="schema">The schema that holds the city; the store's own by default (<c>scale-probes</c> reads the city's and the province's).</param>
    public static async Task<CitySummary> Read(IDocumentStore store, CancellationToken ct, string? schema = null)
    {
        var s = schema ?? store.Options.Events.DatabaseSchemaName;
        await using var session = store.QuerySession();
        async Task<string> One(string sql) => (await session.QueryAsync<string>(sql, ct)).FirstOrDefault() ?? "";
        var closed = await One($"select id::text from {s}.mt_doc_cyclerecord where data->>'phase' = 'Closed' order by data->>'sortKey' desc limit 1");
        var open = await One($"select id::text from {s}.mt_doc_cyclerecord where data->>'phase' <> 'Closed' order by data->>'sortKey' desc limit 1");
        var busiest = await One($"select data->>'latestUnitCode' from {s}.mt_doc_employeeprofile group by 1 order by count(*) desc, 1 limit 1");
        var sample = await One($"select nip from {s}.mt_doc_appraisalstanding where cycle_id = '{closed}' and rank_class is not null order by nip limit 1");
        var names = await session.QueryAsync<string>($"select data->>'fullName' from {s}.mt_doc_employeeprofile", ct);
        var position = await One($"select data->>'code' from {s}.mt_doc_positionrecord where data->>'unitCode' = '{busiest}' order by data->>'code' limit 1");
        var supervisor = await One(
            $"select p.data->>'nip' from {s}.mt_doc_employeeprofile p join (select data->>'latestSupervisorId' as id, count(*) as n from {s}.mt_doc_employeeprofile " +
            "group by 1 order by 2 desc limit 1) b on p.id::text = b.id");
        var counts = (await session.QueryAsync<long>(
            $"select count(*) from {s}.mt_doc_unitkerja union all select count(*) from {s}.mt_doc_employeeprofile " +
            $"union all select count(*) from {s}.mt_streams union all select count(*) from {s}.mt_events where type <> 'tombstone'", ct)).ToList();
        return new CitySummary(0, (int)counts[0], (int)counts[1], (int)counts[2], counts[3], TimeSpan.Zero,
            Guid.Parse(closed), open == "" ? Guid.Empty : Guid.Parse(open), busiest, "DISDIK", sample, position, supervisor, CityGenerator.SearchTermFor(names));
    }
}
