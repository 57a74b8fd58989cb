using Kinerja.Application.Audit;

namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// One stream's chain recomputed from its stored rows, event by event, against the seals stored with them: the first link that no longer
/// holds (what <c>verification</c> and <c>verify-chains</c> report) and, for a kept digest, the hash at the head it covers.
/// </summary>
internal sealed class ChainWalk(Guid streamId)
{
    private string _previous = ChainHash.Genesis;

    public Guid StreamId { get; } = streamId;

    public long VersionNow { get; private set; }

    public long? VersionThen { get; private set; }

    public string? HashThen { get; private set; }

    public bool Sealed { get; private set; }

    public DateTimeOffset LastRecordedAt { get; private set; }

    /// <summary>Events that chained correctly before the first broken link (all of them when none is).</summary>
    public long EventsChecked { get; private set; }

    public long? FirstBroken { get; private set; }

    public string? Problem { get; private set; }

    /// <param name="through">The last sequence whose heads a digest covers; the hash at that head is <see cref="HashThen"/>.</param>
    public void Step(ChainHash.Content e, long sequence, DateTimeOffset recordedAt, long through, string? sealedPrevious, string? sealedHash)
    {
        if (e.Version != VersionNow + 1)
        {
            Break(VersionNow + 1, $"version {VersionNow + 1} is missing from the stream");
        }

        var hash = ChainHash.Compute(_previous, e);
        if (sealedHash is null)
        {
            Break(e.Version, "the event has no seal");
        }
        else if (sealedPrevious != _previous || sealedHash != hash)
        {
            Break(e.Version, "the stored event no longer matches the hash sealed when it was committed");
        }

        EventsChecked += FirstBroken is null ? 1 : 0;
        Sealed |= sealedHash is not null;
        (_previous, VersionNow, LastRecordedAt) = (hash, e.Version, recordedAt);
        if (sequence <= through)
        {
            (VersionThen, HashThen) = (e.Version, hash);
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
