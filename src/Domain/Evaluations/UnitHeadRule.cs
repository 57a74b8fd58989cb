namespace Kinerja.Domain.Evaluations;

/// <summary>The unit an appraised employee headed as the period closed, and its result for the cycle when one is recorded.</summary>
public sealed record HeadedUnit(string UnitCode, UnitResult? Result);

/// <summary>
/// PermenPANRB 6/2022: when the appraised employee leads a unit, the unit's capaian kinerja organisasi (recorded by the
/// leader of the next-higher unit) becomes their rating hasil kerja; the direction is unit to head, never head to unit.
/// The text at hand gives the rule, not a table from the five results to the three ratings: this mapping is the system's
/// reading, versioned reference data like the predikat table. Only Istimewa is above expectations (it is the one result
/// above Baik); Baik meets them; the three results below Baik are below them.
/// </summary>
public static class UnitHeadRule
{
    public const string Version = "PermenPANRB 6/2022, kinerja 2026.2";

    private static readonly Dictionary<UnitResult, Rating> Cells = new()
    {
        [UnitResult.Istimewa] = Rating.DiAtasEkspektasi,
        [UnitResult.Baik] = Rating.SesuaiEkspektasi,
        [UnitResult.ButuhPerbaikan] = Rating.DiBawahEkspektasi,
        [UnitResult.Kurang] = Rating.DiBawahEkspektasi,
        [UnitResult.SangatKurang] = Rating.DiBawahEkspektasi,
    };

    public static Rating RatingFor(UnitResult unitResult) => Cells[unitResult];
}
