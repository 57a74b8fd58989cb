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
    /// Dirty documents a rebuild holds in memory before it writes them. It must exceed what one performance year keeps open
    /// at once in one database (an appraisal, a talent and a candidate profile per ASN): a window smaller than that is written
    /// out in the middle of the year, and every later page loads those documents back, folds and writes them again. A
    /// province of 50,000 ASN rebuilt with a window of 25,000 wrote each appraisal document about four times and loaded it
    /// back three (docs/decisions/148). Years follow each other in the events, so a window a little larger than the ASN of the
    /// largest database (a province) writes each document about once, and bounds the memory a rebuild takes to one year's
    /// documents. Marten's aggregate cache between pages stays off: measured slower here.
    /// </summary>
    public const int RebuildFlushThreshold = 60_000;

    public static void Apply(IEnumerable<object> projections)
    {
        foreach (var projection in projections.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = BatchSize;
            projection.Options.RebuildFlushThreshold = RebuildFlushThreshold;
        }
    }
}
