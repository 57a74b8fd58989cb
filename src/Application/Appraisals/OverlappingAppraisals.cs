using Kinerja.Application.Cycles;
using Kinerja.Domain;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Appraisals;

/// <summary>
/// One appraisal per period of a kind: an employee transferred between units whose cycles of the same kind overlap must not
/// be opened in both. An appraisal excused in the other cycle does not count (that is how a transfer moves it).
/// </summary>
public sealed class OverlappingAppraisals(ICycleDirectory cycles, IAppraisalDirectory appraisals)
{
    /// <returns>For each employee already appraised in another cycle of the kind meeting this one's period, why not.</returns>
    public async Task<IReadOnlyDictionary<Guid, DomainRuleViolation>> Of(AppraisalCycle cycle, IReadOnlyCollection<Guid> employeeIds, CancellationToken ct)
    {
        var others = (await cycles.SameKindDuring(cycle.Kind, cycle.PeriodStart, cycle.PeriodEnd, ct)).Where(c => c.Id != cycle.Id).ToDictionary(c => c.Id);
        if (others.Count == 0 || employeeIds.Count == 0)
        {
            return new Dictionary<Guid, DomainRuleViolation>();
        }

        return (await appraisals.AppraisedIn([.. others.Keys], employeeIds, ct))
            .DistinctBy(a => a.EmployeeId)
            .ToDictionary(a => a.EmployeeId, a => new DomainRuleViolation("appraisal-overlaps",
                $"The employee already has an appraisal in the {cycle.Kind} cycle '{others[a.CycleId].Name}' for part of this period; "
                + "one appraisal per period of a kind: excuse that one first (e.g. after a transfer)."));
    }
}
