using System.Security.Cryptography;
using Kinerja.Application.Common;

namespace Kinerja.Api.Http;

/// <summary>
/// Idempotency-Key on POST: the first successful answer is kept and replayed for the same key and
/// body; the same key with another body is refused. Refusals are not kept: they changed nothing,
/// so running the request again is harmless and answers from the current state.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, IdempotencyScope scope)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0)
        {
            await next(context);
            return;
        }

        if (key.Length > 128 || key.Any(char.IsControl))
        {
            throw new BadHttpRequestException("Idempotency-Key must be at most 128 printable characters.");
        }

        var scopedKey = $"{context.User.FindFirst("sub")?.Value}|{CanonicalPath(context.Request.Path)}|{key}";
        var requestHash = await Hash(context.Request);
        var claim = await store.Claim(scopedKey, requestHash, context.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                await Replay(context, claim.Response!);
                return;
            case IdempotencyOutcome.Mismatch:
                await Problems.Write(context, StatusCodes.Status409Conflict, "idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request body.");
                return;
            case IdempotencyOutcome.InProgress:
                context.Response.Headers.RetryAfter = "1";
                await Problems.Write(context, StatusCodes.Status409Conflict, "idempotency-key-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
                return;
        }

        // The command's commit records the key with its events, and a command whose key already committed answers from that
        // record instead of running again (IdempotentCommandBehaviour): the claim is only the fast path.
        scope.Key = scopedKey;
        scope.RequestHash = requestHash;
        await RunAndKeep(context, store, scopedKey);
    }

    private async Task RunAndKeep(HttpContext context, IIdempotencyStore store, string key)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode is >= 200 and < 300)
            {
                await store.Complete(key, new StoredResponse(
                    response.StatusCode, response.ContentType, response.Headers.Location, response.Headers.ETag, buffer.ToArray()), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await store.Release(key, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// The route as the router matched it: literals match whatever their case, a trailing slash is ignored, and the values
    /// in routes (NIPs, GUIDs, unit codes) are looked up case-blind, so <c>…/Realisations/</c> and <c>…/realisations</c> are
    /// one resource and one key (they appended twice when the raw path was the scope).
    /// </summary>
    public static string CanonicalPath(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', segments).ToLowerInvariant();
    }

    private static async Task Replay(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task<string> Hash(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Convert.ToHexString(hash);
    }
}
