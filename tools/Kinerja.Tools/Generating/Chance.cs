using Kinerja.Application.Common;

namespace Kinerja.Tools.Generating;

/// <summary>
/// The only source of chance in a generated city: one <see cref="Random"/> seeded once and consumed in a
/// fixed order, so a seed always gives the same city (ids and instants included).
/// </summary>
public sealed class Chance(int seed)
{
    private readonly Random _random = new(seed);

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public bool Percent(double share) => _random.NextDouble() < share;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Standard normal (Box-Muller), for latent performance and behaviour.</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A version-4-shaped id drawn from the seed, never from <see cref="System.Guid.NewGuid"/>.</summary>
    public Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public DateOnly DayBetween(DateOnly first, DateOnly last) => first.AddDays(_random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>An instant in office hours (WIT) on the day.</summary>
    public DateTimeOffset During(DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(Between(8, 15), Between(0, 59), Between(0, 59))), Wit.Offset);
}
