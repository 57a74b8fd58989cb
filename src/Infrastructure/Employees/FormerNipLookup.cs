using JasperFx.Events;
using Kinerja.Domain.Employees;
using Marten.Events.Projections;

namespace Kinerja.Infrastructure.Employees;

/// <summary>
/// Who held a NIP before a correction: one small document per former NIP, its id the NIP, so the lookup on every
/// registration and NIP correction is a primary-key read instead of a scan of every profile's history
/// (docs/decisions/066-indexed-write-paths.md).
/// </summary>
public sealed record FormerNipHolder(string Id, Guid EmployeeId);

/// <summary>
/// Kept inline, in the transaction of the correction, like the profile it mirrors. A NIP goes to the first employee who
/// gave it up: the handlers refuse a NIP someone held before, so a second holder can only come from a lost race, and the
/// profiles' history (<see cref="Application.Employees.EmployeeProfile.FormerNips"/>) still names both.
/// </summary>
internal sealed class FormerNipProjection : MultiStreamProjection<FormerNipHolder, string>
{
    public FormerNipProjection()
    {
        // Identity alone does not narrow the events the daemon reads: without the type a rebuild read and deserialised every
        // event in the store to find the few corrections (docs/decisions/148).
        IncludeType<NipCorrected>();
        Identity<NipCorrected>(e => e.PreviousNip);
    }

    public override FormerNipHolder Evolve(FormerNipHolder? snapshot, string id, IEvent e) =>
        snapshot ?? new FormerNipHolder(id, ((NipCorrected)e.Data).EmployeeId);
}
