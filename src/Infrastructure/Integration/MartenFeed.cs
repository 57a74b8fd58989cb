using Kinerja.Application.Integration;
using Marten;

namespace Kinerja.Infrastructure.Integration;

internal sealed class MartenFeed(IQuerySession session) : IFeed
{
    public async Task<IReadOnlyList<FeedItem>> After(long position, int limit, IReadOnlyCollection<string>? types, CancellationToken ct)
    {
        var query = session.Query<FeedItem>().Where(e => e.Position > position);
        if (types is not null)
        {
            var wanted = types.ToArray();
            query = query.Where(e => e.Type.IsOneOf(wanted));
        }

        return await query.OrderBy(e => e.Position).Take(limit).ToListAsync(ct);
    }

    public async Task<long> Head(CancellationToken ct) =>
        await session.Query<FeedItem>().OrderByDescending(e => e.Position).Select(e => e.Position).FirstOrDefaultAsync(ct);

    public async Task<long> CountAfter(long position, IReadOnlyCollection<string> types, CancellationToken ct)
    {
        var wanted = types.ToArray();
        return await session.Query<FeedItem>().Where(e => e.Position > position && e.Type.IsOneOf(wanted)).LongCountAsync(ct);
    }
}
