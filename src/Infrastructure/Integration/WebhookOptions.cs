using System.Globalization;

namespace Kinerja.Infrastructure.Integration;

/// <summary>Configuration section Kinerja:Webhooks.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Kinerja:Webhooks";

    /// <summary>How long a receiver may take to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Back-off after the 1st, 2nd, ... consecutive failure (comma-separated TimeSpans); the last one repeats forever.</summary>
    public string RetryDelays { get; set; } = "00:00:01,00:00:05,00:00:30,00:02:00,00:10:00,00:30:00";

    /// <summary>How often every active subscription is nudged, as a safety net under the event-driven triggers.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an admin action waits for a delivery in progress (at most one receiver call) to finish.</summary>
    public TimeSpan AdminLockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static IEnumerable<string> Broken(WebhookOptions o)
    {
        if (o.Timeout <= TimeSpan.Zero)
        {
            yield return $"Timeout is {o.Timeout}; it takes a duration above zero, e.g. 00:00:10.";
        }

        if (o.SweepInterval <= TimeSpan.Zero)
        {
            yield return $"SweepInterval is {o.SweepInterval}; it takes a duration above zero, e.g. 00:00:30.";
        }

        if (o.AdminLockTimeout <= TimeSpan.Zero)
        {
            yield return $"AdminLockTimeout is {o.AdminLockTimeout}; it takes a duration above zero, e.g. 00:00:30.";
        }

        var delays = o.RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (delays.Length == 0 || delays.Any(d => !TimeSpan.TryParse(d, CultureInfo.InvariantCulture, out var delay) || delay < TimeSpan.Zero))
        {
            yield return $"RetryDelays is '{o.RetryDelays}'; it takes durations separated by commas, e.g. 00:00:01,00:00:05,00:00:30.";
        }
    }

    /// <summary>Deliver over plain http too (development only: a receiver on the same machine); https alone by default.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Deliver to loopback, private and other non-public addresses (development only); refused by default, see <see cref="WebhookTargets"/>.</summary>
    public bool AllowPrivateAddresses { get; set; }

    public TimeSpan DelayAfter(int consecutiveFailures)
    {
        var delays = RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return TimeSpan.Parse(delays[Math.Clamp(consecutiveFailures, 1, delays.Length) - 1], CultureInfo.InvariantCulture);
    }
}
