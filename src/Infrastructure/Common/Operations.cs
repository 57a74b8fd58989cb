using System.Diagnostics;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// The service's own trace source: a background operation (a webhook sweep, the daily digest, a retention pass) runs in
/// an activity of its own, so its spans join the database calls it makes and its log lines carry its id as the
/// correlation id, as a request's do.
/// </summary>
public static class Operations
{
    public const string SourceName = "Kinerja";

    private static readonly ActivitySource Source = new(SourceName);

    /// <returns>null when nothing listens (no tracing configured); the caller's lines then carry no id.</returns>
    public static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);
}
