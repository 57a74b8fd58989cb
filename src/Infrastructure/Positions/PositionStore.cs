using JasperFx.Events.Projections;
using Kinerja.Application.Positions;
using Marten;

namespace Kinerja.Infrastructure.Positions;

internal static class PositionStore
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var type in PositionEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }

        // Inline: a position is read back right after each write (201/ETag), and the candidates check its vacancy.
        opts.Projections.Add<PositionStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<PositionRecordProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<PositionRecord>().UniqueIndex(x => x.Code).Index(x => x.UnitCode).Index(x => x.Vacant);
    }
}
