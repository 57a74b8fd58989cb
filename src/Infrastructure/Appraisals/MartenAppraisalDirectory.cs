using Kinerja.Application.Appraisals;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Appraisals;

/// <summary>
/// Reads the records with their standings (feedback tallies and score, docs/decisions/070) in the same round trip where the
/// question names them both (an id, a unit); a list filtered on the record's own fields reads the page's standings after it.
/// </summary>
internal sealed class MartenAppraisalDirectory(IQuerySession session) : IAppraisalDirectory
{
    public async Task<AppraisalRecord?> Find(Guid id, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var record = batch.Load<AppraisalRecord>(id);
        var standing = batch.Load<AppraisalStanding>(id);
        await batch.Execute(ct);
        return (await record)?.With(await standing);
    }

    public async Task<IReadOnlyList<AppraisalRecord>> FindMany(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var batch = session.CreateBatchQuery();
        var records = batch.LoadMany<AppraisalRecord>().ByIdList(ids);
        var standings = batch.LoadMany<AppraisalStanding>().ByIdList(ids);
        await batch.Execute(ct);
        return Joined(await records, await standings);
    }

    public async Task<IReadOnlyList<AppraisalRecord>> InUnit(Guid cycleId, string unitCode, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var records = batch.Query<AppraisalRecord>().Where(a => a.CycleId == cycleId && a.UnitCode == unitCode).ToList();
        var standings = batch.Query<AppraisalStanding>().Where(a => a.CycleId == cycleId && a.UnitCode == unitCode).ToList();
        await batch.Execute(ct);
        return Joined(await records, await standings);
    }

    /// <summary>
    /// Read from the kept tally's rows of the unit (<see cref="Ranking.RankingTally"/>): the rank class is the final predikat (an approved
    /// evaluation cannot be excused, nor an excused appraisal evaluated). Reading the records' evaluations took 34 ms for the 918 of a
    /// province's largest unit (docs/decisions/154); counting the standings' index grew with the unit too (docs/decisions/166).
    /// </summary>
    public async Task<IReadOnlyDictionary<Predikat, int>> FinalPredikatInUnit(Guid cycleId, string unitCode, CancellationToken ct)
    {
        var rows = await session.QueryAsync<PredikatCount>(
            $"""
            select jsonb_build_object('rankClass', rank_class, 'count', appraisals) from {Ranking.RankingTally.Table(session)}
            where cycle_id = ? and unit_code = ? and rank_class <> {Ranking.RankingTally.NotRanked} and appraisals > 0
            """,
            ct,
            cycleId,
            unitCode);
        return rows.ToDictionary(r => (Predikat)r.RankClass, r => r.Count);
    }

    private sealed record PredikatCount(int RankClass, int Count);

    public async Task<IReadOnlyList<(Guid EmployeeId, Guid CycleId)>> AppraisedIn(
        IReadOnlyCollection<Guid> cycleIds, IReadOnlyCollection<Guid> employeeIds, CancellationToken ct)
    {
        var found = await session.Query<AppraisalRecord>()
            .Where(a => cycleIds.Contains(a.CycleId) && employeeIds.Contains(a.EmployeeId) && a.Excusal == null)
            .Select(a => new { a.EmployeeId, a.CycleId })
            .ToListAsync(ct);
        return [.. found.Select(f => (f.EmployeeId, f.CycleId))];
    }

    public async Task<IReadOnlyList<AppraisalRecord>> FinalOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct) =>
        await session.Query<AppraisalRecord>()
            .Where(a => employeeIds.Contains(a.EmployeeId) && a.Evaluation!.Status == EvaluationStatus.Approved)
            .ToListAsync(ct);

    public Task<int> CountUnsettled(Guid cycleId, CancellationToken ct) =>
        // "== false", not "!": Marten writes the negation of a nullable column as "is null or = false", which the index on
        // (cycle_id, settled) answers only by visiting every appraisal of the cycle.
        session.Query<AppraisalRecord>().Where(a => a.CycleId == cycleId && a.Settled == false).CountAsync(ct);

    public async Task<IReadOnlyList<AppraisalRecord>> UnsettledOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct)
    {
        if (employeeIds.Count == 0)
        {
            return [];
        }

        var records = await session.Query<AppraisalRecord>().Where(a => employeeIds.Contains(a.EmployeeId) && a.Settled == false).ToListAsync(ct);
        return records.Count == 0 ? [] : Joined(records, await session.LoadManyAsync<AppraisalStanding>(ct, records.Select(r => r.Id)));
    }

    /// <summary>One row per unit and stage, grouped by PostgreSQL, so a city's cycle is counted without reading its documents into the service.</summary>
    public async Task<IReadOnlyList<StageCount>> StagesIn(Guid cycleId, CancellationToken ct)
    {
        var rows = await session.QueryAsync<string>(
            $"""
            select concat_ws('|', unit_code, data ->> 'status', coalesce(data -> 'evaluation' ->> 'status', ''), coalesce(jsonb_typeof(data -> 'excusal') = 'object', false), count(*))
            from {session.TableOf<AppraisalRecord>()} where cycle_id = ?
            group by unit_code, data ->> 'status', data -> 'evaluation' ->> 'status', coalesce(jsonb_typeof(data -> 'excusal') = 'object', false)
            """,
            ct,
            cycleId);
        return [.. rows.Select(row => row.Split('|')).Select(f => new StageCount(
            f[0], Enum.Parse<AppraisalStatus>(f[1]), f[2].Length == 0 ? null : Enum.Parse<EvaluationStatus>(f[2]), f[3] == "true",
            int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public async Task<IReadOnlyList<AppraisalRecord>> List(AppraisalFilter filter, CancellationToken ct)
    {
        var query = session.Query<AppraisalRecord>().Where(a => a.CycleId == filter.CycleId);
        if (filter.UnitCode is { } unit)
        {
            query = query.Where(a => a.UnitCode == unit);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.RaterId is { } rater)
        {
            query = query.Where(a => a.RaterId == rater);
        }

        if (filter.AfterNip is { } after)
        {
            query = query.Where(a => string.Compare(a.Nip, after) > 0);
        }

        var records = await query.OrderBy(a => a.Nip).Take(filter.Limit).ToListAsync(ct);
        return records.Count == 0 ? [] : Joined(records, await session.LoadManyAsync<AppraisalStanding>(ct, records.Select(r => r.Id)));
    }

    /// <summary>
    /// The page is cut on the record's columns through the (cycle, unit, NIP) index and the employees' profiles are joined in the same
    /// statement: a record's document is several kB of JSON stored out of line (TOAST), and a page of them was read only for the rater,
    /// the status and the agreed version, which are columns now (docs/decisions/157). The limit is written into the statement.
    /// </summary>
    public async Task<IReadOnlyList<AppraisalListRow>> ListRows(AppraisalFilter filter, CancellationToken ct)
    {
        List<object> parameters = [filter.CycleId];
        var where = "r.cycle_id = ?";
        if (filter.UnitCode is { } unit)
        {
            where += " and r.unit_code = ?";
            parameters.Add(unit);
        }

        if (filter.Status is { } status)
        {
            where += " and r.status = ?";
            parameters.Add(status.ToString());
        }

        if (filter.RaterId is { } rater)
        {
            where += " and (r.data ->> 'raterId')::uuid = ?";
            parameters.Add(rater);
        }

        if (filter.AfterNip is { } after)
        {
            where += " and r.nip > ?";
            parameters.Add(after);
        }

        var sql = $"""
            select jsonb_build_object('openedNip', p.nip, 'nip', e.data ->> 'nip', 'fullName', e.data ->> 'fullName', 'unitCode', p.unit_code,
                'raterNip', p.rater_nip, 'status', p.status, 'agreedVersion', p.agreed_version)
            from (
              select r.nip, r.unit_code, r.rater_nip, r.status, r.agreed_version, r.employee_id from {session.TableOf<AppraisalRecord>()} r
              where {where} order by r.nip limit {filter.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}
            ) p left join {session.TableOf<Application.Employees.EmployeeProfile>()} e on e.id = p.employee_id
            order by p.nip
            """;
        return await session.QueryAsync<AppraisalListRow>(sql, ct, [.. parameters]);
    }

    internal static IReadOnlyList<AppraisalRecord> Joined(IEnumerable<AppraisalRecord> records, IEnumerable<AppraisalStanding> standings)
    {
        var byId = standings.ToDictionary(s => s.Id);
        return [.. records.Select(r => r.With(byId.GetValueOrDefault(r.Id)))];
    }
}
