using Kinerja.Application.Cycles;
using Kinerja.Domain.Cycles;
using Marten;

namespace Kinerja.Infrastructure.Cycles;

internal sealed class MartenCycleDirectory(IQuerySession session) : ICycleDirectory
{
    public Task<CycleRecord?> Find(Guid id, CancellationToken ct) => session.LoadAsync<CycleRecord>(id, ct);

    public Task<bool> NameTaken(string name, CancellationToken ct) => session.Query<CycleRecord>().AnyAsync(c => c.Name == name, ct);

    public async Task<IReadOnlyList<CycleRecord>> SameKindDuring(CycleKind kind, DateOnly start, DateOnly end, CancellationToken ct) =>
        await session.Query<CycleRecord>().Where(c => c.Kind == kind && c.PeriodStart <= end && c.PeriodEnd >= start).ToListAsync(ct);

    public async Task<IReadOnlyList<CycleRecord>> List(CycleFilter filter, CancellationToken ct)
    {
        var query = session.Query<CycleRecord>().AsQueryable();
        if (filter.Phase is { } phase)
        {
            query = query.Where(c => c.Phase == phase);
        }

        if (filter.BeforeKey is { } before)
        {
            query = query.Where(c => string.Compare(c.SortKey, before) < 0);
        }

        return await query.OrderByDescending(c => c.SortKey).Take(filter.Limit).ToListAsync(ct);
    }
}
