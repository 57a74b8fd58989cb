namespace Kinerja.Application.Common;

/// <summary>Waktu Indonesia Timur (UTC+09:00, no daylight saving): Ambon's calendar, in which periods and effective dates are kept.</summary>
public static class Wit
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
