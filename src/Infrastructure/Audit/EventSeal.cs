namespace Kinerja.Infrastructure.Audit;

/// <summary>The chained hash of one event, written in the same transaction as the event itself. Id: "{streamId:N}:{version}".</summary>
public sealed record EventSeal(string Id, Guid StreamId, long Version, string PreviousHash, string Hash)
{
    public static string IdFor(Guid streamId, long version) => $"{streamId:N}:{version}";
}
