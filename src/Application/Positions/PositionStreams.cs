using Kinerja.Application.Common;
using Kinerja.Domain.Positions;

namespace Kinerja.Application.Positions;

/// <summary>The one path every write to an existing position takes: resolve the code, fetch at the caller's version, decide, commit.</summary>
public sealed class PositionStreams(IEventStore store, IPositionDirectory positions, TimeProvider clock)
{
    public async Task<Written> Decide(string code, long? expectedVersion, Func<Jabatan, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var position = await positions.Addressed(code, ct);
        var stream = await store.FetchForWriting<Jabatan>(position.Id, expectedVersion, ct);
        var events = decide(stream.State!, clock.GetUtcNow());
        stream.Append(events);
        await store.SaveChanges(null, ct);
        return new Written(position.Id, stream.Version + events.Count, position.Code);
    }
}
