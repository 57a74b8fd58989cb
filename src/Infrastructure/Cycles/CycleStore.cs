using JasperFx.Events.Projections;
using Kinerja.Application.Cycles;
using Marten;

namespace Kinerja.Infrastructure.Cycles;

internal static class CycleStore
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var type in CycleEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }

        opts.Projections.Add<CycleStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CycleRecordProjection>(ProjectionLifecycle.Inline);
        // A cycle's name is how BKPSDM staff tell cycles apart; the index settles two creations that race.
        opts.Schema.For<CycleRecord>().UniqueIndex(x => x.Name).Index(x => x.SortKey);
    }
}
