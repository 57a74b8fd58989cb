using System.Diagnostics;
using System.Text.RegularExpressions;
using Serilog.Context;

namespace Kinerja.Api.Http;

/// <summary>Accepts the caller's X-Correlation-Id (or makes one), echoes it, and puts it on every log line of the request.</summary>
public sealed partial class CorrelationMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        // The trace id (from the caller's traceparent, or new) is the correlation id, so a log line, a stored event and a
        // span are found by one id; a caller that sends its own X-Correlation-Id keeps it, recorded on the span.
        var id = SafeId().IsMatch(given) ? given : Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        Activity.Current?.SetTag("kinerja.correlation_id", id);
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
