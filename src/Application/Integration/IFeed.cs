using System.Text.Json;
using Kinerja.Domain;

namespace Kinerja.Application.Integration;

/// <summary>
/// One integration event as the portal sees it, in the feed and as a webhook body. <see cref="Position"/>
/// is the event store's global sequence: it only grows, has gaps (internal events that are not
/// published), and an entry never appears behind one already visible. <see cref="OccurredAt"/> is when the change was
/// decided, <see cref="RecordedAt"/> when it was committed (the audit's recordedAt); <see cref="Actor"/> who made it.
/// Both were added in contract 2026-12: entries written before are null there until the feed is rebuilt.
/// </summary>
public sealed record FeedItem(
    long Position, Guid Id, string Type, int Version, DateTimeOffset OccurredAt, JsonElement Payload, DateTimeOffset? RecordedAt = null, Actor? Actor = null);

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long LastPosition);

public interface IFeed
{
    /// <summary>Entries after <paramref name="position"/> in position order; only types in <paramref name="types"/> when given.</summary>
    Task<IReadOnlyList<FeedItem>> After(long position, int limit, IReadOnlyCollection<string>? types, CancellationToken ct);

    /// <summary>The highest position in the feed (0 when empty).</summary>
    Task<long> Head(CancellationToken ct);
}
