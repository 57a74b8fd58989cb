namespace Kinerja.Domain.Evaluations;

/// <summary>The unit's own result (predikat kinerja organisasi) for a cycle, recorded by hr-admin.</summary>
public enum UnitResult { Istimewa, Baik, ButuhPerbaikan, Kurang, SangatKurang }

/// <summary>One bound on the share of a unit's employees whose predikat is in <see cref="Classes"/>.</summary>
public sealed record DistributionBound(string Description, IReadOnlyList<Predikat> Classes, decimal? MinShare, decimal? MaxShare, bool AtLeastOne = false)
{
    public bool Holds(IReadOnlyDictionary<Predikat, int> counts)
    {
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return true;
        }

        var inClasses = Classes.Sum(c => counts.GetValueOrDefault(c));
        var share = (decimal)inClasses / total;
        return (MinShare is not { } min || share >= min) && (MaxShare is not { } max || share <= max) && (!AtLeastOne || inClasses > 0);
    }
}

/// <summary>
/// SE MenPANRB 03/2023: the unit's result sets the expected spread of its employees' predikat. It is
/// guidance: a breach is flagged and needs a written justification; it never blocks an evaluation.
/// </summary>
public static class DistributionGuidance
{
    public const string Version = "SE MenPANRB 03/2023";

    private static readonly Dictionary<UnitResult, DistributionBound[]> Bounds = new()
    {
        [UnitResult.Istimewa] = [new("at most 70% Sangat Baik", [Predikat.SangatBaik], null, 0.70m)],
        [UnitResult.Baik] =
        [
            new("at most 70% Baik", [Predikat.Baik], null, 0.70m),
            new("some Butuh Perbaikan or Kurang", [Predikat.ButuhPerbaikan, Predikat.Kurang], null, null, AtLeastOne: true),
        ],
        [UnitResult.ButuhPerbaikan] =
        [
            new("at least 60% Butuh Perbaikan", [Predikat.ButuhPerbaikan], 0.60m, null),
            new("at most 10% Sangat Baik", [Predikat.SangatBaik], null, 0.10m),
        ],
        [UnitResult.Kurang] =
        [
            new("at least 60% Kurang", [Predikat.Kurang], 0.60m, null),
            new("at least 10% Butuh Perbaikan", [Predikat.ButuhPerbaikan], 0.10m, null),
            new("at most 10% Sangat Baik", [Predikat.SangatBaik], null, 0.10m),
        ],
        [UnitResult.SangatKurang] =
        [
            new("at least 60% Sangat Kurang", [Predikat.SangatKurang], 0.60m, null),
            new("at least 10% Kurang or Butuh Perbaikan", [Predikat.Kurang, Predikat.ButuhPerbaikan], 0.10m, null),
            new("no Sangat Baik", [Predikat.SangatBaik], null, 0m),
        ],
    };

    public static IReadOnlyList<DistributionBound> For(UnitResult result) => Bounds[result];

    public static IReadOnlyList<DistributionBound> Breaches(UnitResult result, IReadOnlyDictionary<Predikat, int> counts) =>
        [.. Bounds[result].Where(b => !b.Holds(counts))];
}
