using System.Globalization;
using System.Linq.Expressions;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Employees;
using Kinerja.Application.Ranking;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Ranking;

/// <summary>
/// Reads the ranking from the appraisal standings' rank columns (duplicated fields, see AppraisalStore): the page and
/// the counts that place it go to PostgreSQL as one batch. The page is ordered and cut on the columns first, and only
/// then are the shown fields taken from the page's documents and the employees' names from their profiles, so no
/// other document is read or built and no second round trip is needed.
/// </summary>
internal sealed class MartenRankingReader(IQuerySession session) : IRankingReader
{
    public async Task<RankingSlice> Slice(Guid cycleId, string? unitCode, RankKey? after, int limit, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var inScope = InScope(cycleId, unitCode);
        var counts = batch.Query<ScopeCounts>(CountsSql(unitCode is not null), [.. ScopeParameters(cycleId, unitCode)]);
        var page = batch.Query<RankedAppraisal>(PageSql(unitCode is not null, after is not null, limit), [.. PageParameters(cycleId, unitCode, after)]);
        var atOrBefore = after is null ? null : batch.Query<AppraisalStanding>().Where(inScope).Where(a => a.RankClass != null).Where(AtOrBefore(after)).Count();
        var better = after is null ? null : batch.Query<AppraisalStanding>().Where(inScope).Where(a => a.RankClass != null).Where(Better(after)).Count();
        await batch.Execute(ct);

        var scope = (await counts).Single();
        return new RankingSlice(
            scope.Ranked, scope.All - scope.Ranked, atOrBefore is null ? 0 : (int)await atOrBefore, better is null ? 0 : (int)await better, await page);
    }

    /// <summary>How many appraisals the cycle (or the unit) has and how many of them are ranked.</summary>
    private sealed record ScopeCounts(int Ranked, int All);

    /// <summary>
    /// Both counts summed from the kept tally (<see cref="RankingTally"/>): a unit's few rows, or a cycle's few hundred, where counting
    /// the standings read every one of the cycle's index entries, 50,000 in a province (docs/decisions/166).
    /// </summary>
    private string CountsSql(bool inUnit) => $"""
        select jsonb_build_object('ranked', coalesce(sum(appraisals) filter (where rank_class <> {RankingTally.NotRanked}), 0), 'all', coalesce(sum(appraisals), 0))
        from {RankingTally.Table(session)} where cycle_id = ? {(inUnit ? "and unit_code = ?" : "")}
        """;

    /// <summary>
    /// The page in listing order: after the cursor means greater on (class, −score, −results, NIP), the negated
    /// columns turning the two descending keys into one ascending row comparison. The limit is written into the statement,
    /// so a prepared statement's generic plan still knows it reads one page.
    /// </summary>
    private string PageSql(bool inUnit, bool afterCursor, int limit)
    {
        var table = session.TableOf<AppraisalStanding>();
        var unit = inUnit ? "and unit_code = ?" : "";
        var keyset = afterCursor ? "and (rank_class, -rank_score, -rank_results, nip) > (?, -(?::numeric), -(?::numeric), ?)" : "";
        return $"""
            select jsonb_build_object('employeeId', t.data->'employeeId', 'nip', t.nip, 'fullName', e.data->'fullName', 'unitCode', t.unit_code,
                'predikat', t.data->'predikat', 'rankClass', t.rank_class, 'rankScore', t.rank_score,
                'rankResults', t.rank_results, 'score', t.data->'score')
            from (
              select id, rank_class, rank_score, rank_results, nip from {table}
              where cycle_id = ? {unit} and rank_class is not null {keyset}
              order by rank_class, rank_score desc, rank_results desc, nip limit {limit.ToString(CultureInfo.InvariantCulture)}
            ) p join {table} t on t.id = p.id
            left join {session.TableOf<EmployeeProfile>()} e on e.id = (t.data->>'employeeId')::uuid
            order by p.rank_class, p.rank_score desc, p.rank_results desc, p.nip
            """;
    }

    private static IEnumerable<object> ScopeParameters(Guid cycleId, string? unitCode) => unitCode is null ? [cycleId] : [cycleId, unitCode];

    private static IEnumerable<object> PageParameters(Guid cycleId, string? unitCode, RankKey? after)
    {
        foreach (var parameter in ScopeParameters(cycleId, unitCode))
        {
            yield return parameter;
        }

        if (after is not null)
        {
            yield return after.PredikatClass;
            yield return after.Score;
            yield return after.Results;
            yield return after.Nip;
        }
    }

    private static Expression<Func<AppraisalStanding, bool>> InScope(Guid cycleId, string? unitCode) =>
        unitCode is null ? a => a.CycleId == cycleId : a => a.CycleId == cycleId && a.UnitCode == unitCode;

    /// <summary>Strictly better on predikat class, score and results points: ahead whatever the NIPs.</summary>
    private static Expression<Func<AppraisalStanding, bool>> Better(RankKey k) => a =>
        a.RankClass < k.PredikatClass
        || (a.RankClass == k.PredikatClass && (a.RankScore > k.Score || (a.RankScore == k.Score && a.RankResults > k.Results)));

    /// <summary>At or before the key in listing order, where equal keys are listed by NIP.</summary>
    private static Expression<Func<AppraisalStanding, bool>> AtOrBefore(RankKey k) => a =>
        a.RankClass < k.PredikatClass
        || (a.RankClass == k.PredikatClass && (a.RankScore > k.Score
            || (a.RankScore == k.Score && (a.RankResults > k.Results || (a.RankResults == k.Results && string.Compare(a.Nip, k.Nip) <= 0)))));
}
