using Kinerja.Infrastructure.Common;
using Npgsql;

namespace Kinerja.Infrastructure.Audit;

/// <summary>What a link covers, read from the stored event row (jsonb as text, not deserialised objects, so added or altered fields count).</summary>
internal static class ChainRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order, of the events table aliased <paramref name="e"/>.</summary>
    public static string Columns(string e) =>
        $"{e}.stream_id, {e}.version, {e}.type, {e}.data::text, {e}.user_name, {e}.correlation_id, {e}.causation_id, {e}.headers->>'{EventHeaders.Role}', " +
        $"{e}.headers->>'{EventHeaders.ActorNip}', {e}.headers->>'{EventHeaders.Reason}', {e}.headers->>'{EventHeaders.ActorAccount}', {e}.timestamp, {e}.headers::text";

    private const int Count = 13;

    public static ChainHash.Content Read(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9),
            Text(r, 10), r.GetFieldValue<DateTimeOffset>(11), Text(r, 12));

    /// <summary>
    /// <see cref="Sealed"/> as a command on <paramref name="connection"/>, without Npgsql's 30 s timeout: its first row waits for the
    /// whole store to be joined and sorted, which grows with the store (on a province of 1.8 million events under load it took longer
    /// and the generator's reseal was cancelled). The caller's cancellation token still ends it.
    /// </summary>
    public static NpgsqlCommand SealedCommand(NpgsqlConnection connection, string events, string seals) =>
        new(Sealed(events, seals), connection) { CommandTimeout = 0 };

    /// <summary>Every event of the store with the seal stored for it, stream by stream in version order; read with <see cref="ReadSealed"/>.</summary>
    private static string Sealed(string events, string seals) => $"""
        select {Columns("e")}, s.data->>'previousHash', s.data->>'hash', s.data->>'scheme', e.seq_id
        from {events} e left join {seals} s on s.id = replace(e.stream_id::text, '-', '') || ':' || e.version
        where e.type <> 'tombstone' order by e.stream_id, e.version
        """;

    public static (ChainHash.Content Content, EventSeal? Seal, long Sequence) ReadSealed(NpgsqlDataReader r)
    {
        var content = Read(r);
        var seal = r.IsDBNull(Count + 1) ? null : new EventSeal(
            EventSeal.IdFor(content.StreamId, content.Version), content.StreamId, content.Version, Text(r, Count)!, r.GetString(Count + 1), Text(r, Count + 2));
        return (content, seal, r.GetInt64(Count + 3));
    }

    public static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
