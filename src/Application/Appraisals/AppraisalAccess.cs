using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;

namespace Kinerja.Application.Appraisals;

/// <summary>
/// Who may do what with an appraisal: the employee (or hr-admin) drafts the plan and records realisations; the employee's
/// superior on the act's date, or their Plt/Plh, does the rater's acts and the superior above the approver's; auditor and
/// portal read.
/// </summary>
public sealed class AppraisalAccess(ICurrentActor current, IEmployeeDirectory directory, TimeProvider clock)
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
        if (me is null || (me != employeeId && me != raterId && me != approverId && !await InLineToday(employeeId, me.Value, ct)))
        {
            throw new AccessDenied(
                "An appraisal is read by the employee, their rater and approver (as recorded, or as the registry has them today, Plt/Plh included), hr-admin, auditors and the portal.");
        }
    }

    /// <summary>
    /// The public's comments (masked before storing, docs/decisions/092) are read by the employee appraised and their rater (as recorded,
    /// or whoever may act as rater today, Plt/Plh included), besides hr-admin and auditors; not by the approver or the portal
    /// (docs/decisions/096).
    /// </summary>
    public async Task<bool> ReadsPublicComments(AppraisalRecord record, CancellationToken ct)
    {
        if (current.Actor.Role is Roles.HrAdmin or Roles.Auditor)
        {
            return true;
        }

        return await ActingEmployeeId(ct) is { } me
            && (me == record.EmployeeId || me == record.RaterId || await ActsAsSuperiorOf(await directory.Find(record.EmployeeId, ct), me, clock.Today(), ct));
    }

    /// <summary>The employee's own work on the appraisal (the plan, realisations): the employee or hr-admin.</summary>
    public async Task EnsureOwner(Guid employeeId, CancellationToken ct)
    {
        if (!IsHrAdmin && (current.Actor.Role is not (Roles.Employee or Roles.Supervisor) || await CallerId(ct) != employeeId))
        {
            throw new AccessDenied("Only the employee or hr-admin drafts the plan and records realisations.");
        }
    }

    /// <summary>
    /// The rater's acts (agree or return the plan, the leader's expectations, penilaian) belong to the employee's superior on
    /// the act's WIT date, or to a Plt/Plh recorded for that superior then; never to hr-admin on their behalf.
    /// </summary>
    /// <returns>The acting employee's id, for the domain's rater ≠ ratee rule.</returns>
    public async Task<Guid> EnsureRater(Appraisal appraisal, CancellationToken ct)
    {
        var today = clock.Today();
        EnsureNotRatee(appraisal, await CallerId(ct));
        if (await ActingEmployeeId(ct) is { } id && await ActsAsSuperiorOf(await directory.Find(appraisal.EmployeeId, ct), id, today, ct))
        {
            return id;
        }

        throw new AccessDenied(
            $"Only the employee's superior on {today:yyyy-MM-dd} (pejabat penilai), or a Plt/Plh recorded for that superior, may do this; hr-admin does not act for a rater.");
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

    /// <summary>
    /// Approval belongs to the rater's superior (atasan pejabat penilai) on the act's WIT date, or a Plt/Plh recorded for them;
    /// where the registry names nobody above the rater, nobody may approve until it does.
    /// </summary>
    public async Task EnsureApprover(Appraisal appraisal, CancellationToken ct)
    {
        var today = clock.Today();
        var ratee = await directory.Find(appraisal.EmployeeId, ct);
        var rater = ratee?.SupervisorOn(today)?.SupervisorId is { } raterId ? await directory.Find(raterId, ct) : null;
        // The PPK (a non-ASN official at the top of the tree) has nobody above: their rating is final with their own approval.
        if (rater is { EmploymentType: EmploymentType.NonAsn } && rater.SupervisorOn(today)?.SupervisorId is null)
        {
            if (await ActingEmployeeId(ct) is { } caller && (caller == rater.Id || rater.ActedForBy(caller, today)))
            {
                return;
            }

            throw new AccessDenied($"Only the PPK {rater.Nip} (or their Plt/Plh) approves the evaluation they gave.");
        }

        if (rater is not null && rater.SupervisorOn(today)?.SupervisorId is null)
        {
            throw new DomainRuleViolation("no-approver",
                $"The rater {rater.Nip} has no superior in the registry on {today:yyyy-MM-dd}; record the rater's superior (atasan pejabat penilai) first.");
        }

        if (rater is null || await ActingEmployeeId(ct) is not { } me || !await ActsAsSuperiorOf(rater, me, today, ct))
        {
            throw new AccessDenied(
                $"Only the rater's superior on {today:yyyy-MM-dd} (atasan pejabat penilai), or a Plt/Plh recorded for them, approves or returns the evaluation.");
        }
    }

    /// <summary>Whether the caller may act today as the employee's rater or approver, so reads what they act on.</summary>
    private async Task<bool> InLineToday(Guid employeeId, Guid me, CancellationToken ct)
    {
        var today = clock.Today();
        var ratee = await directory.Find(employeeId, ct);
        if (await ActsAsSuperiorOf(ratee, me, today, ct))
        {
            return true;
        }

        var rater = ratee?.SupervisorOn(today)?.SupervisorId is { } raterId ? await directory.Find(raterId, ct) : null;
        return await ActsAsSuperiorOf(rater, me, today, ct);
    }

    /// <summary>The caller's employee id when they act as an ASN; hr-admin, auditor and portal act for nobody in the line.</summary>
    private async Task<Guid?> ActingEmployeeId(CancellationToken ct) =>
        current.Actor.Role is Roles.Employee or Roles.Supervisor ? await CallerId(ct) : null;

    /// <summary>Whether <paramref name="actor"/> is the subordinate's superior on the date, or a Plt/Plh recorded for that superior then.</summary>
    private async Task<bool> ActsAsSuperiorOf(EmployeeProfile? subordinate, Guid actor, DateOnly on, CancellationToken ct) =>
        subordinate?.SupervisorOn(on)?.SupervisorId is { } superior
        && (superior == actor || (await directory.Find(superior, ct))?.ActedForBy(actor, on) == true);
}
