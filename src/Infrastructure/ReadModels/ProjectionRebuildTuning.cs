using JasperFx.Events.Projections;

namespace Kinerja.Infrastructure.ReadModels;

/// <summary>
/// How the projection daemon pages through the events, the same for every projection (docs/decisions/063):
/// larger pages, aggregates kept in memory between pages, and during a rebuild one write per document per
/// flush window instead of one per page. An appraisal's thirty-odd events are spread over a whole year of
/// other appraisals' events, so without these a rebuild loads and stores each appraisal document once per
/// page it appears in.
/// </summary>
internal static class ProjectionRebuildTuning
{
    /// <summary>Events per page the daemon fetches (Marten's default is 500).</summary>
    public const int BatchSize = 2_000;

    /// <summary>
    /// Documents held in memory between pages, and dirty documents a rebuild holds before it writes them: a
    /// little more than a city of 10,000 ASN has appraisals in two years. A larger city writes more often.
    /// </summary>
    public const int DocumentsInMemory = 25_000;

    public static void Apply(IEnumerable<object> projections)
    {
        foreach (var projection in projections.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = BatchSize;
            projection.Options.CacheLimitPerTenant = DocumentsInMemory;
            projection.Options.RebuildFlushThreshold = DocumentsInMemory;
        }
    }
}
