using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Units;

/// <summary>
/// The units a caller may read unit-wide views of (ranking, distribution, support needs, award candidates, JP shortfalls, talent
/// grid, cycle progress) and, as opd-admin, write the registry of (docs/decisions/093, 094): hr-admin, portal and auditor every
/// unit; an opd-admin the unit their token names with its sub-units; an ASN the units they head on today's WIT date, or whose
/// head they act for as Plt/Plh then, with the sub-units of each. Everyone else none.
/// </summary>
public sealed class UnitScope(ICurrentActor current, IUnitDirectory units, IEmployeeDirectory employees, TimeProvider clock)
{
    private IReadOnlySet<string>? _reach;
    private bool _resolved;

    /// <returns>The unit codes within reach, sub-units included; null for every unit.</returns>
    public async Task<IReadOnlySet<string>?> Reach(CancellationToken ct)
    {
        if (!_resolved)
        {
            _reach = await Resolve(ct);
            _resolved = true;
        }

        return _reach;
    }

    public async Task<bool> Covers(string? unitCode, CancellationToken ct) =>
        await Reach(ct) is not { } reach || (unitCode is not null && reach.Contains(UnitKerja.Canonical(unitCode)));

    /// <summary>A unit-wide read: the unit must be within reach; a read of every unit (no unit named) needs every unit in reach.</summary>
    public async Task EnsureCovers(string? unitCode, CancellationToken ct)
    {
        if (!await Covers(unitCode, ct))
        {
            throw new AccessDenied(unitCode is null
                ? "Name a unit (?unit=): city-wide views are for hr-admin, the portal and auditors."
                : $"Unit {UnitKerja.Canonical(unitCode)} is outside your units: a unit's views are for its head (or their Plt/Plh) and its opd-admin, "
                    + "with its sub-units, and for hr-admin, the portal and auditors.");
        }
    }

    private async Task<IReadOnlySet<string>?> Resolve(CancellationToken ct)
    {
        var actor = current.Actor;
        if (Roles.ReadsEverything(actor.Role))
        {
            return null;
        }

        var all = await units.All(ct);
        if (actor.Role == Roles.OpdAdmin)
        {
            return current.UnitCode is { } root ? CycleScopes.Closure(all, [root]) : new HashSet<string>();
        }

        if (actor is not { Role: Roles.Employee or Roles.Supervisor, Nip: { } nip } || await employees.FindByNip(nip, ct) is not { } me)
        {
            return new HashSet<string>();
        }

        var today = clock.Today();
        var headed = all.Select(u => (Unit: u, Head: u.HeadOn(today)?.HeadId)).Where(x => x.Head is not null).ToList();
        var heads = (await employees.FindMany([.. headed.Select(x => x.Head!.Value).Where(h => h != me.Id).Distinct()], ct)).ToDictionary(p => p.Id);
        var mine = headed.Where(x => x.Head == me.Id || heads.GetValueOrDefault(x.Head!.Value)?.ActedForBy(me.Id, today) == true).Select(x => x.Unit.Code);
        return CycleScopes.Closure(all, mine);
    }
}
