namespace Kinerja.Application.Common;

/// <summary>The first answer to a request, kept so a retry with the same Idempotency-Key gets it again.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, string? ETag, byte[] Body);

public enum IdempotencyOutcome
{
    /// <summary>First time this key is seen: the request runs now, and its answer is kept.</summary>
    Started,

    /// <summary>Seen with the same request: answer with the stored response.</summary>
    Replay,

    /// <summary>Seen with another request body: refuse.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running.</summary>
    InProgress,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, StoredResponse? Response);

public interface IIdempotencyStore
{
    Task<IdempotencyClaim> Claim(string key, string requestHash, CancellationToken ct);

    Task Complete(string key, StoredResponse response, CancellationToken ct);

    /// <summary>Releases a key whose request was refused, so the same request may be tried again later.</summary>
    Task Release(string key, CancellationToken ct);
}
