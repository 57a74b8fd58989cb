using JasperFx.Events.Projections;

namespace Kinerja.Infrastructure.ReadModels;

/// <summary>
/// How the projection daemon pages through the events, the same for every projection (docs/decisions/063): larger
/// pages, and during a rebuild one write per document per flush window instead of one per page. An appraisal's
/// thirty-odd events are spread over a whole year of other appraisals' events, so a rebuild that writes per page
/// stores each appraisal document again in every page it appears in.
/// </summary>
internal static class ProjectionRebuildTuning
{
    /// <summary>Events per page the daemon fetches (Marten's default is 500).</summary>
    public const int BatchSize = 2_000;

    /// <summary>
    /// Dirty documents a rebuild holds in memory before it writes them: a little more than a city of 10,000 ASN has
    /// appraisals in two years, so each is written once. It bounds the memory a rebuild takes (about 1 GiB at this
    /// size); a larger city writes more often. Marten's aggregate cache between pages stays off: measured slower here.
    /// </summary>
    public const int RebuildFlushThreshold = 25_000;

    public static void Apply(IEnumerable<object> projections)
    {
        foreach (var projection in projections.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = BatchSize;
            projection.Options.RebuildFlushThreshold = RebuildFlushThreshold;
        }
    }
}
