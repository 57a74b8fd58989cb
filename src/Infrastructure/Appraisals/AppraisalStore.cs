using JasperFx.Events.Projections;
using Kinerja.Application.Appraisals;
using Kinerja.Domain.Evaluations;
using Marten;

namespace Kinerja.Infrastructure.Appraisals;

internal static class AppraisalStore
{
    public static void Configure(StoreOptions opts, ScoreWeights weights)
    {
        foreach (var type in AppraisalEventTypes.All)
        {
            opts.Events.AddEventType(type);
        }

        opts.Projections.Add<AppraisalStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new AppraisalRecordProjection(weights), ProjectionLifecycle.Inline);
        opts.Schema.For<AppraisalRecord>().Index(x => x.CycleId).Index(x => x.Nip).Index(x => x.RaterId);
    }
}
