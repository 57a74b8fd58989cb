using JasperFx.Events.Projections;
using Kinerja.Domain.Units;
using Marten;

namespace Kinerja.Infrastructure.Units;

internal static class UnitStore
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventType<UnitRegistered>();
        opts.Events.AddEventType<UnitRenamed>();
        opts.Events.AddEventType<UnitHeadAssigned>();
        opts.Projections.Add<UnitProjection>(ProjectionLifecycle.Inline);
    }
}
