using Kinerja.Application.Common;
using Kinerja.Domain.Positions;

namespace Kinerja.Application.Positions;

/// <summary>The one path every write to an existing position takes: resolve the code, fetch at the caller's version, decide, commit.</summary>
public sealed class PositionStreams(IEventStore store, IPositionDirectory positions, TimeProvider clock)
{
    public async Task<Written> Decide(string code, Func<Jabatan, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var position = await positions.Addressed(code, ct);
        var version = await store.Decide<Jabatan>(position.Id, () => PositionRules.NotFound(code), jabatan => decide(jabatan, clock.GetUtcNow()), ct);
        return new Written(position.Id, version, position.Code);
    }
}
