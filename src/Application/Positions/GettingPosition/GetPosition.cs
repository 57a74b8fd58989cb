using Kinerja.Application.Common;
using Mediator;

namespace Kinerja.Application.Positions.GettingPosition;

public sealed record GetPosition(string Code) : IQuery<Versioned<PositionRecord>>;

public sealed class GetPositionHandler(IPositionDirectory positions, IEventStore store) : IQueryHandler<GetPosition, Versioned<PositionRecord>>
{
    public async ValueTask<Versioned<PositionRecord>> Handle(GetPosition query, CancellationToken ct)
    {
        var position = await positions.Addressed(query.Code, ct);
        return new Versioned<PositionRecord>(position, await store.Version(position.Id, ct) ?? 0);
    }
}
