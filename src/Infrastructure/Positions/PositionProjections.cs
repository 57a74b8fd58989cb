using JasperFx.Events;
using Kinerja.Application.Positions;
using Kinerja.Domain.Positions;
using Kinerja.Infrastructure.Common;

namespace Kinerja.Infrastructure.Positions;

internal static class PositionEventTypes
{
    public static readonly Type[] All = [typeof(PositionRegistered), typeof(PositionRequirementsChanged), typeof(PositionVacanciesChanged), typeof(PositionRetired)];
}

/// <summary>The decision state, bridged to the pure Domain.Evolve.</summary>
internal sealed class PositionStateProjection() : StreamProjection<Jabatan>(PositionEventTypes.All)
{
    public override Jabatan Evolve(Jabatan? snapshot, Guid id, IEvent e) => Jabatan.Evolve(snapshot, e.Data);
}

internal sealed class PositionRecordProjection() : StreamProjection<PositionRecord>(PositionEventTypes.All)
{
    public override PositionRecord Evolve(PositionRecord? snapshot, Guid id, IEvent e) => PositionRecord.Evolve(snapshot, e.Data);
}
