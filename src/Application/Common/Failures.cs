namespace Kinerja.Application.Common;

/// <summary>Failures of a use case that are not domain rules; the Api maps each to one HTTP status.</summary>
public abstract class ApplicationFailure(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class NotFound(string code, string message) : ApplicationFailure(code, message);

/// <param name="code">"forbidden", or a more precise reason a client can act on (e.g. <c>rater-is-ratee</c>).</param>
public sealed class AccessDenied(string message, string code = "forbidden") : ApplicationFailure(code, message);

/// <summary>The stream moved on since the caller read it (stale If-Match, or a concurrent write).</summary>
public sealed class ConcurrencyConflict(string message) : ApplicationFailure("stale-version", message);

/// <summary>A unique key (a stream id, an indexed natural key) is already taken; raised at commit, so also when two writers race.</summary>
public sealed class DuplicateKey(string message, string code = "duplicate-key") : ApplicationFailure(code, message);
