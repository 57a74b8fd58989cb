namespace Kinerja.Api.Http;

/// <summary>
/// Tells a caller its rate limit on every API answer (IETF RateLimit header fields, <c>RateLimit-Limit</c>/<c>RateLimit-Reset</c>), so a
/// portal can pace itself before it meets a 429: the bucket holds twice the permits per second and refills every second.
/// </summary>
public sealed class RateLimitHeaders(RequestDelegate next, IConfiguration configuration)
{
    public const string Limit = "RateLimit-Limit";
    public const string Reset = "RateLimit-Reset";

    private readonly string burst = (RateLimits.PermitsPerSecond(configuration) * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the answer starts: a refusal written by the exception handler has had its headers cleared by then.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Limit] = burst;
            context.Response.Headers[Reset] = "1";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class RateLimits
{
    public static int PermitsPerSecond(IConfiguration configuration) => configuration.GetValue("RateLimiting:PermitsPerSecond", 200);
}
