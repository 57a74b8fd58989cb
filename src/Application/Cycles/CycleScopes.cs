using Kinerja.Application.Units;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Cycles;

/// <summary>The units a cycle covers: every unit, or the listed ones with their sub-units.</summary>
public static class CycleScopes
{
    /// <returns>The unit codes covered, sub-units included; null for every unit.</returns>
    public static async Task<HashSet<string>?> Codes(this IUnitDirectory units, bool allUnits, IReadOnlyList<string> unitCodes, CancellationToken ct) =>
        allUnits ? null : Closure(await units.All(ct), unitCodes);

    public static Task<HashSet<string>?> Codes(this IUnitDirectory units, AppraisalCycle cycle, CancellationToken ct) =>
        units.Codes(cycle.AllUnits, cycle.UnitCodes, ct);

    public static HashSet<string> Closure(IReadOnlyList<UnitKerja> all, IEnumerable<string> unitCodes)
    {
        var listed = unitCodes.Select(UnitKerja.Canonical).ToHashSet(StringComparer.Ordinal);
        var children = all.ToLookup(u => u.ParentUnitId);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<UnitKerja>(all.Where(u => listed.Contains(u.Code)));
        while (pending.TryDequeue(out var unit))
        {
            if (codes.Add(unit.Code))
            {
                foreach (var child in children[unit.Id])
                {
                    pending.Enqueue(child);
                }
            }
        }

        return codes;
    }

    /// <summary>Two scopes meet when either covers every unit or they share a unit (sub-units included).</summary>
    public static bool Meet(HashSet<string>? a, HashSet<string>? b) => a is null || b is null || a.Overlaps(b);

    /// <summary>Whether <paramref name="outer"/> covers every unit of <paramref name="inner"/>.</summary>
    public static bool Covers(HashSet<string>? outer, HashSet<string>? inner) => outer is null || (inner is not null && inner.IsSubsetOf(outer));
}
