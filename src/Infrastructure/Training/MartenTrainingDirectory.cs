using Kinerja.Application.Training;
using Kinerja.Domain.Training;
using Marten;

namespace Kinerja.Infrastructure.Training;

internal sealed class MartenTrainingDirectory(IQuerySession session) : ITrainingDirectory
{
    public Task<TrainingGrantRecord?> Grant(Guid id, CancellationToken ct) => session.LoadAsync<TrainingGrantRecord>(id, ct);

    public async Task<IReadOnlyList<TrainingGrantRecord>> Grants(GrantFilter filter, CancellationToken ct)
    {
        var query = session.Query<TrainingGrantRecord>().AsQueryable();
        if (filter.UnitCode is { } unit)
        {
            query = query.Where(g => g.UnitCode == unit);
        }

        if (filter.EmployeeId is { } employee)
        {
            query = query.Where(g => g.EmployeeId == employee);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(g => g.Status == status);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(g => g.Year == year);
        }

        if (filter.After is { } after)
        {
            query = query.Where(g => g.Id.CompareTo(after) > 0);
        }

        query = query.OrderBy(g => g.Id);
        return await (filter.Limit is { } limit ? query.Take(limit) : query).ToListAsync(ct);
    }

    public Task<TrainingBudgetRecord?> Budget(string unitCode, int year, CancellationToken ct) =>
        session.LoadAsync<TrainingBudgetRecord>(TrainingBudget.IdFor(unitCode, year), ct);

    public async Task<IReadOnlyList<JpLedger>> Ledgers(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct) =>
        employeeIds.Count == 0 ? [] : await session.LoadManyAsync<JpLedger>(ct, employeeIds.Select(JpLedger.IdFor));

    public async Task<IReadOnlyList<TrainingGrantRecord>> GrantsOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct) =>
        employeeIds.Count == 0 ? [] : await session.Query<TrainingGrantRecord>().Where(g => employeeIds.Contains(g.EmployeeId)).OrderBy(g => g.Id).ToListAsync(ct);

    public Task<TrainingPartner?> Partner(Guid id, CancellationToken ct) => session.LoadAsync<TrainingPartner>(id, ct);

    public async Task<IReadOnlyList<TrainingPartner>> Partners(Guid? after, int limit, CancellationToken ct)
    {
        var query = session.Query<TrainingPartner>().AsQueryable();
        if (after is { } id)
        {
            query = query.Where(p => p.Id.CompareTo(id) > 0);
        }

        return await query.OrderBy(p => p.Id).Take(limit).ToListAsync(ct);
    }
}
