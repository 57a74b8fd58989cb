using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Employees;

namespace Kinerja.Application.Appraisals;

/// <summary>Resolves from the registry, as of a date, where ratees were placed and who their rater and approver were.</summary>
public sealed class Raters(IEmployeeDirectory directory, IUnitDirectory units)
{
    public async Task<IReadOnlyList<RaterFacts>> Resolve(IReadOnlyList<EmployeeProfile> ratees, AppraisalCycle cycle, DateOnly on, CancellationToken ct)
    {
        var scope = await units.Codes(cycle, ct);
        var raters = await Superiors(ratees, on, ct);
        var approvers = await Superiors([.. raters.Values], on, ct);
        return [.. ratees.Select(ratee =>
        {
            var unit = ratee.PlacementOn(on)?.UnitCode;
            var rater = raters.GetValueOrDefault(ratee.Id);
            var approver = rater is null ? null : approvers.GetValueOrDefault(rater.Id);
            return new RaterFacts(on, ratee.Id, ratee.Nip, EmployedOn(ratee, on), unit, unit is not null && ratee.EmploymentType != EmploymentType.NonAsn && (scope is null || scope.Contains(unit)),
                rater?.Id, rater?.Nip, rater is not null && EmployedOn(rater, on), approver?.Id, approver?.Nip);
        })];
    }

    public static bool EmployedOn(EmployeeProfile profile, DateOnly on) => on >= profile.StartDate && (profile.EndedOn is not { } end || on < end);

    /// <summary>Each employee's effective superior on the date, keyed by the employee's id.</summary>
    private async Task<Dictionary<Guid, EmployeeProfile>> Superiors(IReadOnlyList<EmployeeProfile> employees, DateOnly on, CancellationToken ct)
    {
        var superiorOf = employees
            .DistinctBy(e => e.Id)
            .Select(e => (e.Id, Superior: e.SupervisorOn(on)?.SupervisorId))
            .Where(x => x.Superior is not null)
            .ToList();
        var found = (await directory.FindMany([.. superiorOf.Select(x => x.Superior!.Value).Distinct()], ct)).ToDictionary(p => p.Id);
        return superiorOf.Where(x => found.ContainsKey(x.Superior!.Value)).ToDictionary(x => x.Id, x => found[x.Superior!.Value]);
    }
}
