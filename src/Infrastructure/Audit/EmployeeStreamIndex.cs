using JasperFx.Events;
using Kinerja.Domain;
using Marten.Events.Projections;

namespace Kinerja.Infrastructure.Audit;

/// <summary>Which streams hold events about an employee, kept inline so the audit trail is never behind the event store.</summary>
public sealed record EmployeeStreams(Guid Id, IReadOnlyList<Guid> StreamIds);

internal sealed class EmployeeStreamIndexProjection : MultiStreamProjection<EmployeeStreams, Guid>
{
    public EmployeeStreamIndexProjection()
    {
        Identity<IEmployeeEvent>(e => e.EmployeeId);
        foreach (var type in typeof(IEmployeeEvent).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEmployeeEvent).IsAssignableFrom(t)))
        {
            IncludeType(type);
        }
    }

    public override EmployeeStreams Evolve(EmployeeStreams? snapshot, Guid id, IEvent e) => snapshot switch
    {
        null => new EmployeeStreams(id, [e.StreamId]),
        _ when snapshot.StreamIds.Contains(e.StreamId) => snapshot,
        _ => snapshot with { StreamIds = [.. snapshot.StreamIds, e.StreamId] },
    };
}
