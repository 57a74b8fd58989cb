using JasperFx.Events;
using Kinerja.Domain.Units;
using Kinerja.Infrastructure.Common;

namespace Kinerja.Infrastructure.Units;

/// <summary>Inline snapshot of the unit state; small enough to serve the unit tree directly.</summary>
internal sealed class UnitProjection() : StreamProjection<UnitKerja>([typeof(UnitRegistered), typeof(UnitRenamed), typeof(UnitHeadAssigned)])
{
    public override UnitKerja Evolve(UnitKerja? snapshot, Guid id, IEvent e) => UnitKerja.Evolve(snapshot, e.Data);
}
