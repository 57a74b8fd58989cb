using JasperFx.Events;
using Kinerja.Domain.Units;
using Marten.Events.Aggregation;

namespace Kinerja.Infrastructure.Units;

/// <summary>Inline snapshot of the unit state; small enough to serve the unit tree directly.</summary>
internal sealed class UnitProjection : SingleStreamProjection<UnitKerja, Guid>
{
    public UnitProjection()
    {
        IncludeType<UnitRegistered>();
        IncludeType<UnitRenamed>();
    }

    public override UnitKerja Evolve(UnitKerja? snapshot, Guid id, IEvent e) => UnitKerja.Evolve(snapshot, e.Data);
}
