using Kinerja.Application.Common;
using Kinerja.Application.Employees;

namespace Kinerja.Application.Training;

/// <summary>
/// Who may do what with training: hr-admin and the portal manage grants (budgets are hr-admin's
/// alone, see the endpoints); an employee may ask for their own training and their current rater
/// for a subordinate's; auditors read.
/// </summary>
public sealed class TrainingAccess(ICurrentActor current, EmployeeAccess employees, TimeProvider clock)
{
    public bool ManagesGrants => current.Actor.Role is Roles.HrAdmin or Roles.Portal;

    public async Task EnsureCanRequest(EmployeeProfile profile, CancellationToken ct)
    {
        var actor = current.Actor;
        if (ManagesGrants || (actor.Role is Roles.Employee or Roles.Supervisor && actor.Nip == profile.Nip))
        {
            return;
        }

        if (await employees.SupervisorId(ct) is { } me && profile.SupervisorOn(clock.Today())?.SupervisorId == me)
        {
            return;
        }

        throw new AccessDenied("Training may be requested by the employee, their current supervisor, hr-admin or the portal.");
    }

    public Task EnsureCanRead(EmployeeProfile profile, CancellationToken ct) => employees.EnsureCanRead(profile, ct);

    public void EnsureReadsEverything(string what)
    {
        if (!Roles.ReadsEverything(current.Actor.Role))
        {
            throw new AccessDenied($"Only hr-admin, the portal and auditors may read {what}.");
        }
    }
}
