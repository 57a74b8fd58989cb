using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;

namespace Kinerja.Application.Appraisals;

/// <summary>
/// Who may do what with an appraisal: hr-admin everything; the employee drafts their own plan and
/// records their realisations; the stored rater agrees or returns; auditor and portal read.
/// </summary>
public sealed class AppraisalAccess(ICurrentActor current, IEmployeeDirectory directory)
{
    private Guid? _callerId;
    private bool _resolved;

    public bool IsHrAdmin => current.Actor.Role == Roles.HrAdmin;

    /// <summary>The caller's own employee id, when the caller acts as an ASN (employee or supervisor) or as hr-admin with a NIP.</summary>
    public async Task<Guid?> CallerId(CancellationToken ct)
    {
        if (!_resolved)
        {
            var actor = current.Actor;
            _callerId = actor is { Role: Roles.Employee or Roles.Supervisor or Roles.HrAdmin, Nip: { } nip }
                && await directory.FindByNip(nip, ct) is { } me ? me.Id : null;
            _resolved = true;
        }

        return _callerId;
    }

    public async Task EnsureCanRead(Guid employeeId, Guid raterId, Guid? approverId, CancellationToken ct)
    {
        if (Roles.ReadsEverything(current.Actor.Role))
        {
            return;
        }

        var me = await CallerId(ct);
        if (me is null || (me != employeeId && me != raterId && me != approverId))
        {
            throw new AccessDenied("An appraisal is read by the employee, their rater and approver, hr-admin, auditors and the portal.");
        }
    }

    /// <summary>The employee's own work on the appraisal (the plan, realisations): the employee or hr-admin.</summary>
    public async Task EnsureOwner(Guid employeeId, CancellationToken ct)
    {
        if (!IsHrAdmin && (current.Actor.Role is not (Roles.Employee or Roles.Supervisor) || await CallerId(ct) != employeeId))
        {
            throw new AccessDenied("Only the employee or hr-admin drafts the plan and records realisations.");
        }
    }

    /// <returns>The acting employee's id, for the domain's rater ≠ ratee rule.</returns>
    public async Task<Guid?> EnsureRater(Appraisal appraisal, CancellationToken ct)
    {
        var me = await CallerId(ct);
        EnsureNotRatee(appraisal, me);
        if (IsHrAdmin || (current.Actor.Role is Roles.Employee or Roles.Supervisor && me == appraisal.RaterId))
        {
            return me;
        }

        throw new AccessDenied("Only the rater (pejabat penilai) of this appraisal, or hr-admin, may do this.");
    }

    /// <summary>Penilaian is the stored rater's own act; hr-admin does not evaluate on their behalf.</summary>
    /// <returns>The evaluator's employee id.</returns>
    public async Task<Guid> EnsureEvaluator(Appraisal appraisal, CancellationToken ct)
    {
        var me = await CallerId(ct);
        EnsureNotRatee(appraisal, me);
        return me is { } rater && rater == appraisal.RaterId
            ? rater
            : throw new AccessDenied("Only the rater (pejabat penilai) of this appraisal evaluates it.");
    }

    /// <summary>
    /// Acting as one's own rater is not a state of the appraisal a retry could change but a permission the caller never
    /// has: 403, with its own code so the client can tell it from a wrong role.
    /// </summary>
    private static void EnsureNotRatee(Appraisal appraisal, Guid? me)
    {
        if (me is { } id && id == appraisal.EmployeeId)
        {
            throw new AccessDenied("Nobody may act as the rater of their own appraisal: the rater (pejabat penilai) does this.", "rater-is-ratee");
        }
    }

    /// <summary>The stored approver (the rater's superior); hr-admin only where the rater has no superior.</summary>
    public async Task EnsureApprover(Appraisal appraisal, CancellationToken ct)
    {
        var allowed = appraisal.ApproverId is { } approver ? await CallerId(ct) == approver : IsHrAdmin;
        if (!allowed)
        {
            throw new AccessDenied("Only the rater's superior (atasan pejabat penilai) approves or returns the evaluation.");
        }
    }
}
