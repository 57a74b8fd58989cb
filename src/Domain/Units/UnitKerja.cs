using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.Units;

/// <summary>Unit kerja (an OPD or one of its sub-units): the state its decisions need.</summary>
public sealed record UnitKerja(Guid Id, string Code, string Name, Guid? ParentUnitId)
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// A unit's stream id is derived from its code, so two registrations of one code race for the
    /// same stream and the event store lets exactly one of them start it.
    /// </summary>
    public static Guid IdFor(string code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("kinerja/unit/" + code.Trim().ToUpperInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static UnitKerja Evolve(UnitKerja? state, object @event) => @event switch
    {
        UnitRegistered e => new UnitKerja(e.UnitId, e.Code, e.Name, e.ParentUnitId),
        UnitRenamed e when state is not null => state with { Name = e.Name },
        _ => state ?? throw new InvalidDataException($"{@event.GetType().Name} cannot start a unit stream."),
    };
}
