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
        var id = SafeId().IsMatch(given) ? given : Guid.NewGuid().ToString("N");
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
