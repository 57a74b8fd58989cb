using System.Linq.Expressions;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Ranking;
using Marten;

namespace Kinerja.Infrastructure.Ranking;

/// <summary>
/// Reads the ranking from the appraisal records' rank columns (duplicated fields, see AppraisalStore): the
/// page and the counts that place it go to PostgreSQL as one batch, and no document is read but the page's.
/// </summary>
internal sealed class MartenRankingReader(IQuerySession session) : IRankingReader
{
    public async Task<RankingSlice> Slice(Guid cycleId, string? unitCode, RankKey? after, int limit, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var inScope = InScope(cycleId, unitCode);
        var ranked = batch.Query<AppraisalRecord>().Where(inScope).Where(a => a.RankClass != null).Count();
        var all = batch.Query<AppraisalRecord>().Where(inScope).Count();
        var page = after is null
            ? batch.Query<AppraisalRecord>().Where(inScope).Where(a => a.RankClass != null)
                .OrderBy(a => a.RankClass).ThenByDescending(a => a.RankScore).ThenByDescending(a => a.RankResults).ThenBy(a => a.Nip).Take(limit).ToList()
            : batch.Query<AppraisalRecord>().Where(inScope).Where(a => a.RankClass != null).Where(Not(AtOrBefore(after)))
                .OrderBy(a => a.RankClass).ThenByDescending(a => a.RankScore).ThenByDescending(a => a.RankResults).ThenBy(a => a.Nip).Take(limit).ToList();
        var atOrBefore = after is null ? null : batch.Query<AppraisalRecord>().Where(inScope).Where(a => a.RankClass != null).Where(AtOrBefore(after)).Count();
        var better = after is null ? null : batch.Query<AppraisalRecord>().Where(inScope).Where(a => a.RankClass != null).Where(Better(after)).Count();
        await batch.Execute(ct);

        var rankedCount = (int)await ranked;
        return new RankingSlice(
            rankedCount, (int)await all - rankedCount, atOrBefore is null ? 0 : (int)await atOrBefore, better is null ? 0 : (int)await better, await page);
    }

    private static Expression<Func<AppraisalRecord, bool>> InScope(Guid cycleId, string? unitCode) =>
        unitCode is null ? a => a.CycleId == cycleId : a => a.CycleId == cycleId && a.UnitCode == unitCode;

    /// <summary>Strictly better on predikat class, score and results points: ahead whatever the NIPs.</summary>
    private static Expression<Func<AppraisalRecord, bool>> Better(RankKey k) => a =>
        a.RankClass < k.PredikatClass
        || (a.RankClass == k.PredikatClass && (a.RankScore > k.Score || (a.RankScore == k.Score && a.RankResults > k.Results)));

    /// <summary>At or before the key in listing order, where equal keys are listed by NIP.</summary>
    private static Expression<Func<AppraisalRecord, bool>> AtOrBefore(RankKey k) => a =>
        a.RankClass < k.PredikatClass
        || (a.RankClass == k.PredikatClass && (a.RankScore > k.Score
            || (a.RankScore == k.Score && (a.RankResults > k.Results || (a.RankResults == k.Results && string.Compare(a.Nip, k.Nip) <= 0)))));

    private static Expression<Func<AppraisalRecord, bool>> Not(Expression<Func<AppraisalRecord, bool>> predicate) =>
        Expression.Lambda<Func<AppraisalRecord, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
