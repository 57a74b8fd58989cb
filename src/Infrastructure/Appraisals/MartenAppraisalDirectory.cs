using Kinerja.Application.Appraisals;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Marten;

namespace Kinerja.Infrastructure.Appraisals;

internal sealed class MartenAppraisalDirectory(IQuerySession session) : IAppraisalDirectory
{
    public Task<AppraisalRecord?> Find(Guid id, CancellationToken ct) => session.LoadAsync<AppraisalRecord>(id, ct);

    public async Task<IReadOnlyList<AppraisalRecord>> FindMany(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await session.LoadManyAsync<AppraisalRecord>(ct, ids);

    public async Task<IReadOnlyList<AppraisalRecord>> InUnit(Guid cycleId, string unitCode, CancellationToken ct) =>
        await session.Query<AppraisalRecord>().Where(a => a.CycleId == cycleId && a.UnitCode == unitCode).ToListAsync(ct);

    public async Task<IReadOnlyList<Predikat>> FinalPredikatInUnit(Guid cycleId, string unitCode, CancellationToken ct) =>
        await session.Query<AppraisalRecord>()
            .Where(a => a.CycleId == cycleId && a.UnitCode == unitCode && a.Evaluation!.Status == EvaluationStatus.Approved)
            .Select(a => a.Evaluation!.Predikat)
            .ToListAsync(ct);

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

        return await query.OrderBy(a => a.Nip).Take(filter.Limit).ToListAsync(ct);
    }
}
