using JasperFx.Events.Projections;
using Marten;

namespace Kinerja.Infrastructure.Audit;

internal static class AuditStore
{
    public static void Configure(StoreOptions opts, ChainKey key)
    {
        opts.Listeners.Add(new EventSealer(key));
        opts.Schema.For<EventSeal>().Index(s => s.StreamId);
        opts.Projections.Add<EmployeeStreamIndexProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Kinerja.Application.Audit.ChainDigest>();
    }
}
