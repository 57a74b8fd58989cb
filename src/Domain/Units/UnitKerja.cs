using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.Units;

public sealed record UnitHeadPeriod(Guid? HeadId, string? HeadNip, DateOnly EffectiveFrom);

/// <summary>Unit kerja (an OPD or one of its sub-units): the state its decisions need, with who headed it when (null before any head was assigned).</summary>
public sealed record UnitKerja(Guid Id, string Code, string Name, Guid? ParentUnitId, IReadOnlyList<UnitHeadPeriod>? Heads = null)
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// A unit's stream id is derived from its code, so two registrations of one code race for the
    /// same stream and the event store lets exactly one of them start it.
    /// </summary>
    public static Guid IdFor(string code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("kinerja/unit/" + Canonical(code)));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>How a code is stored and compared: trimmed and upper-case (a unit's code never changes).</summary>
    public static string Canonical(string code) => code.Trim().ToUpperInvariant();

    /// <summary>The head on a date: the latest assignment effective on or before it; of two with the same date, the later recorded.</summary>
    public UnitHeadPeriod? HeadOn(DateOnly date) => Employees.Effective.On(Heads ?? [], h => h.EffectiveFrom, date);

    public static UnitKerja Evolve(UnitKerja? state, object @event) => @event switch
    {
        UnitRegistered e => new UnitKerja(e.UnitId, e.Code, e.Name, e.ParentUnitId),
        UnitRenamed e when state is not null => state with { Name = e.Name },
        UnitHeadAssigned e when state is not null => state with { Heads = [.. state.Heads ?? [], new UnitHeadPeriod(e.HeadId, e.HeadNip, e.EffectiveOn)] },
        _ => state ?? throw new InvalidDataException($"{@event.GetType().Name} cannot start a unit stream."),
    };
}
