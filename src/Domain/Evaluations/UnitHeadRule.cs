namespace Kinerja.Domain.Evaluations;

/// <summary>
/// "If the employee leads a unit, the unit's result is their results rating" (DOMAIN.md, PermenPANRB 6/2022). The rating has
/// three values and the unit result five, and the text gives no table: this is the system's own mapping, versioned
/// reference data like the predikat table. Below expectations maps to the mildest of the three low results; hr-admin
/// records Kurang or Sangat Kurang by hand where the organisation's evaluation says so, and a result by hand always stands.
/// </summary>
public static class UnitHeadRule
{
    public const string Version = "kinerja 2026.1";

    public static UnitResult ResultFor(Rating headResults) => headResults switch
    {
        Rating.DiAtasEkspektasi => UnitResult.Istimewa,
        Rating.SesuaiEkspektasi => UnitResult.Baik,
        _ => UnitResult.ButuhPerbaikan,
    };
}
