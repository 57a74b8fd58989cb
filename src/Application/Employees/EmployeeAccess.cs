using Kinerja.Application.Common;

namespace Kinerja.Application.Employees;

/// <summary>
/// Who may read an employee's record: hr-admin, portal and auditor everything; every ASN their own;
/// a supervisor also those who report to them today; a unit's head (or their Plt/Plh) and its opd-admin those placed in it or its
/// sub-units (<see cref="Units.UnitScope"/>).
/// </summary>
public sealed class EmployeeAccess(ICurrentActor current, IEmployeeDirectory directory, TimeProvider clock, Units.UnitScope units)
{
    public async Task EnsureCanRead(EmployeeProfile profile, CancellationToken ct)
    {
        var actor = current.Actor;
        if (Roles.ReadsEverything(actor.Role) || actor.Nip == profile.Nip)
        {
            return;
        }

        if (await SupervisorId(ct) is { } me && profile.SupervisorOn(clock.Today())?.SupervisorId == me)
        {
            return;
        }

        if (await units.Covers(profile.LatestUnitCode, ct))
        {
            return;
        }

        throw new AccessDenied("Your role may read only your own record and, as a supervisor, those of your current subordinates; "
            + "a unit's head and opd-admin those of their units.");
    }

    /// <summary>The caller's own employee id when the caller acts as a supervisor.</summary>
    public async Task<Guid?> SupervisorId(CancellationToken ct) =>
        current.Actor is { Role: Roles.Supervisor, Nip: { } nip } && await directory.FindByNip(nip, ct) is { } me ? me.Id : null;
}
