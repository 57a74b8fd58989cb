using Kinerja.Application.Audit;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// One stream's chain recomputed from its stored rows, event by event, against the seals stored with them: the first link that no longer
/// holds (what <c>verification</c> and <c>verify-chains</c> report) and, for a kept digest, the hash at the head it covers.
/// Both chains are carried along: the unkeyed one (what digests kept before the chain key cover, and what anyone can recompute) and the
/// keyed one (decision 127). With a key configured, only keyed seals are accepted.
/// </summary>
internal sealed class ChainWalk(Guid streamId, ChainKey key)
{
    private string _unkeyed = ChainHash.Genesis;
    private string _keyed = ChainHash.Genesis;

    public Guid StreamId { get; } = streamId;

    public long VersionNow { get; private set; }

    public long? VersionThen { get; private set; }

    /// <summary>The head a digest covers, in the chain this service seals with (keyed when it has a key).</summary>
    public string? HashThen { get; private set; }

    /// <summary>The same head in the unkeyed chain, for digests kept before the key.</summary>
    public string? UnkeyedHashThen { get; private set; }

    public bool Sealed { get; private set; }

    public DateTimeOffset LastRecordedAt { get; private set; }

    /// <summary>Events that chained correctly before the first broken link (all of them when none is).</summary>
    public long EventsChecked { get; private set; }

    public long? FirstBroken { get; private set; }

    public string? Problem { get; private set; }

    /// <param name="through">The last sequence whose heads a digest covers; the hash at that head is <see cref="HashThen"/>.</param>
    public void Step(ChainHash.Content e, long sequence, DateTimeOffset recordedAt, long through, EventSeal? seal)
    {
        if (e.Version != VersionNow + 1)
        {
            Break(VersionNow + 1, $"version {VersionNow + 1} is missing from the stream");
        }

        var unkeyed = ChainHash.Compute(_unkeyed, e);
        var keyed = key.Secret is { } secret ? ChainHash.Keyed(secret, _keyed, e) : unkeyed;
        if (seal is null)
        {
            Break(e.Version, "the event has no seal");
        }
        else if (key.Secret is not null && seal.Scheme != ChainKey.Scheme)
        {
            Break(e.Version, "the event is sealed without the chain key, so anyone who can write to the database could have sealed it anew (run reseal-chains once, decision 127)");
        }
        else if (key.Secret is null && seal.Scheme is not null)
        {
            Break(e.Version, $"the event is sealed with a chain key ({seal.Scheme}) this service is not configured with");
        }
        else if (seal.PreviousHash != _keyed || seal.Hash != keyed)
        {
            Break(e.Version, "the stored event no longer matches the hash sealed when it was committed");
        }

        EventsChecked += FirstBroken is null ? 1 : 0;
        Sealed |= seal is not null;
        (_unkeyed, _keyed, VersionNow, LastRecordedAt) = (unkeyed, keyed, e.Version, recordedAt);
        if (sequence <= through)
        {
            (VersionThen, HashThen, UnkeyedHashThen) = (e.Version, keyed, unkeyed);
        }
    }

    public StreamVerification Verification() => new(StreamId, EventsChecked, FirstBroken, Problem);

    private void Break(long version, string problem)
    {
        if (FirstBroken is null)
        {
            (FirstBroken, Problem) = (version, problem);
        }
    }
}
