using Kinerja.Application.Common;
using Kinerja.Application.Employees;

namespace Kinerja.Application.Audit;

public sealed class AuditAccess(ICurrentActor current, IEmployeeDirectory directory)
{
    /// <summary>Audit reads are for auditors (Inspektorat, BPK) and BKPSDM's hr-admin; a former NIP still finds the employee.</summary>
    public async Task<EmployeeProfile> Employee(string nip, CancellationToken ct)
    {
        EnsureAuditor();
        return await directory.FindByNip(nip, ct) ?? await directory.FindByFormerNip(nip, ct)
            ?? throw new NotFound("employee-not-found", $"No employee has or had NIP {nip}.");
    }

    public void EnsureAuditor()
    {
        if (current.Actor.Role is not (Roles.Auditor or Roles.HrAdmin))
        {
            throw new AccessDenied("Audit views are for the auditor and hr-admin roles.");
        }
    }
}
