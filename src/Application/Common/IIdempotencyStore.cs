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

/// <summary>
/// The Idempotency-Key of the request being run (caller, canonical route and key), so the command's commit records it in
/// the same transaction as its events; null when the request carries no key.
/// </summary>
public sealed class IdempotencyScope
{
    public string? Key { get; set; }

    public string? RequestHash { get; set; }
}

/// <summary>
/// A command that committed under an Idempotency-Key: written in the command's own transaction (so it exists exactly when
/// the events do), with what the command answered (<see cref="Written"/>) once it returned.
/// </summary>
public sealed record CommittedCommand(string RequestHash, IReadOnlyList<Guid> Streams, Written? Written);

public interface IIdempotencyStore
{
    Task<IdempotencyClaim> Claim(string key, string requestHash, CancellationToken ct);

    Task Complete(string key, StoredResponse response, CancellationToken ct);

    /// <summary>Releases a key whose request was refused, so the same request may be tried again later.</summary>
    Task Release(string key, CancellationToken ct);

    /// <summary>The command this key already committed, whatever became of its claim (expired, released); null when none did.</summary>
    Task<CommittedCommand?> Committed(string key, CancellationToken ct);

    /// <summary>Adds what the committed command answered, so a retry whose claim is gone answers as the first time.</summary>
    Task Answered(string key, Written written, CancellationToken ct);
}
