using JasperFx.Events.Projections;
using Kinerja.Application.Appraisals;
using Marten;

namespace Kinerja.Infrastructure.Appraisals;

internal static class AppraisalStore
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var type in AppraisalEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }

        opts.Projections.Add<AppraisalStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<AppraisalRecordProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<AppraisalRecord>().Index(x => x.CycleId).Index(x => x.Nip).Index(x => x.RaterId);
    }
}
