namespace Kinerja.Infrastructure.Audit;

/// <summary>
/// The chained hash of one event, written in the same transaction as the event itself. Id: "{streamId:N}:{version}". <see cref="Scheme"/>
/// is <see cref="ChainKey.Scheme"/> for a keyed link and null for a link sealed before the chain key (docs/decisions/127).
/// </summary>
public sealed record EventSeal(string Id, Guid StreamId, long Version, string PreviousHash, string Hash, string? Scheme = null)
{
    public static string IdFor(Guid streamId, long version) => $"{streamId:N}:{version}";
}
