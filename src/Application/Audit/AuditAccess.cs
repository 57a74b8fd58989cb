using Kinerja.Application.Common;
using Kinerja.Application.Employees;

namespace Kinerja.Application.Audit;

/// <summary>
/// Audit views are read by auditors (Inspektorat, BPK) and BKPSDM's hr-admin; verifying the hash chains and the kept digests is the
/// auditor's alone, since what it checks is the record BKPSDM keeps (docs/access-policy.md).
/// </summary>
public sealed class AuditAccess(ICurrentActor current, IEmployeeDirectory directory)
{
    /// <summary>The employee an audit view names; a former NIP still finds them.</summary>
    public async Task<EmployeeProfile> Employee(string nip, CancellationToken ct, bool verifying = false)
    {
        if (verifying)
        {
            EnsureVerifier();
        }
        else
        {
            EnsureAuditor();
        }

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

    public void EnsureVerifier()
    {
        if (current.Actor.Role is not Roles.Auditor)
        {
            throw new AccessDenied("Verifying the hash chains and digests is for the auditor role.");
        }
    }
}
