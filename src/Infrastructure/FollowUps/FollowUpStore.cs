using JasperFx.Events;
using JasperFx.Events.Projections;
using Kinerja.Domain.FollowUps;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.FollowUps;

internal static class FollowUpStore
{
    public static readonly Type[] EventTypes = [typeof(AwardGranted), typeof(SupportPlanRecorded), typeof(SupportPlanCompleted)];

    public static void Configure(StoreOptions opts)
    {
        foreach (var type in EventTypes)
        {
            opts.Events.AddEventType(type);
        }

        opts.Projections.Add<FollowUpProjection>(ProjectionLifecycle.Inline);
    }
}

/// <summary>Decision state and read model at once: both need every award and the current plan of each cycle.</summary>
internal sealed class FollowUpProjection() : StreamProjection<FollowUp>(FollowUpStore.EventTypes)
{
    public override FollowUp Evolve(FollowUp? snapshot, Guid id, IEvent e) => FollowUp.Evolve(snapshot, e.Data);
}
