using Kinerja.Application.Positions;
using Kinerja.Domain.Positions;
using Marten;

namespace Kinerja.Infrastructure.Positions;

internal sealed class MartenPositionDirectory(IQuerySession session) : IPositionDirectory
{
    public Task<PositionRecord?> Find(string code, CancellationToken ct) => session.LoadAsync<PositionRecord>(Jabatan.IdFor(code), ct);

    public async Task<IReadOnlyList<PositionRecord>> List(PositionFilter filter, CancellationToken ct)
    {
        var query = session.Query<PositionRecord>().AsQueryable();
        if (filter.UnitCode is { } unit)
        {
            query = query.Where(p => p.UnitCode == unit);
        }

        if (filter.Vacant is { } vacant)
        {
            query = query.Where(p => p.Vacant == vacant);
        }

        if (filter.AfterCode is { } after)
        {
            query = query.Where(p => string.Compare(p.Code, after) > 0);
        }

        return await query.OrderBy(p => p.Code).Take(filter.Limit).ToListAsync(ct);
    }
}
