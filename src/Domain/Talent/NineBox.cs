using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Domain.Talent;

/// <summary>A recommendation in the regulation's words, with an English gloss.</summary>
public sealed record Recommendation(string Code, string Indonesian, string English);

public sealed record TalentBox(int Number, Rating Kinerja, Potential Potential, IReadOnlyList<Recommendation> Recommendations);

/// <summary>
/// The 9-box's kinerja axis from the final predikat (PermenPANRB 3/2020 reads kinerja as the appraisal's outcome, and PermenPANRB
/// 6/2022 makes that the predikat, not the results rating alone): Sangat Baik above, Baik meets, the other three below, so poor
/// behaviour (Kurang/Misconduct) or Sangat Kurang never reaches boxes 7-9. Versioned reference data; a grid names the version.
/// </summary>
public static class NineBoxKinerja
{
    public const string Version = "PermenPANRB 3/2020 + 6/2022, kinerja 2026.2";

    private static readonly Dictionary<Predikat, Rating> Cells = new()
    {
        [Predikat.SangatBaik] = Rating.DiAtasEkspektasi,
        [Predikat.Baik] = Rating.SesuaiEkspektasi,
        [Predikat.ButuhPerbaikan] = Rating.DiBawahEkspektasi,
        [Predikat.Kurang] = Rating.DiBawahEkspektasi,
        [Predikat.SangatKurang] = Rating.DiBawahEkspektasi,
    };

    public static Rating For(Predikat predikat) => Cells[predikat];
}

/// <summary>The talent 9-box of PermenPANRB 3/2020: kinerja (from the final predikat, <see cref="NineBoxKinerja"/>) across, potensial up.</summary>
public static class NineBox
{
    private static readonly Recommendation Promote = new("promote", "Dipromosikan dan dipertahankan", "promote and retain");
    private static readonly Recommendation Retain = new("retain", "Dipertahankan", "retain");
    private static readonly Recommendation Succession = new("succession-pool", "Masuk kelompok rencana suksesi", "succession pool");
    private static readonly Recommendation Award = new("award", "Penghargaan", "award");
    private static readonly Recommendation Rotation = new("rotation", "Rotasi atau perluasan jabatan", "rotation or broader role");
    private static readonly Recommendation Coaching = new("coaching", "Bimbingan kinerja (coaching)", "coaching");
    private static readonly Recommendation Counselling = new("counselling", "Konseling kinerja", "counselling");
    private static readonly Recommendation Development = new("competency-development", "Pengembangan kompetensi", "competency development");
    private static readonly Recommendation StudyAssignment = new("study-assignment", "Tugas belajar", "study assignment");
    private static readonly Recommendation FittingPlacement = new("fitting-placement", "Penempatan yang sesuai", "fitting placement");
    private static readonly Recommendation Discipline = new("discipline", "Diproses sesuai ketentuan disiplin", "handled under disciplinary rules");

    private static readonly Dictionary<(Rating, Potential), int> Numbers = new()
    {
        [(Rating.DiBawahEkspektasi, Potential.Tinggi)] = 6, [(Rating.SesuaiEkspektasi, Potential.Tinggi)] = 8, [(Rating.DiAtasEkspektasi, Potential.Tinggi)] = 9,
        [(Rating.DiBawahEkspektasi, Potential.Menengah)] = 3, [(Rating.SesuaiEkspektasi, Potential.Menengah)] = 5, [(Rating.DiAtasEkspektasi, Potential.Menengah)] = 7,
        [(Rating.DiBawahEkspektasi, Potential.Rendah)] = 1, [(Rating.SesuaiEkspektasi, Potential.Rendah)] = 2, [(Rating.DiAtasEkspektasi, Potential.Rendah)] = 4,
    };

    private static readonly Dictionary<int, Recommendation[]> ByNumber = new()
    {
        [9] = [Promote, Succession, Award],
        [8] = [Retain, Succession, Rotation, Coaching],
        [7] = [Retain, Succession, Rotation, Development, StudyAssignment],
        [6] = [FittingPlacement, Coaching, Counselling],
        [5] = [FittingPlacement, Coaching, Development],
        [4] = [Rotation, Development],
        [3] = [Coaching, Counselling, Development, FittingPlacement],
        [2] = [Coaching, Development, FittingPlacement],
        [1] = [Discipline],
    };

    public static TalentBox For(Predikat predikat, Potential potential) => For(NineBoxKinerja.For(predikat), potential);

    /// <summary>The box of a number another computation of <see cref="For(Predikat, Potential)"/> gave (the talent grid's statement).</summary>
    public static TalentBox Numbered(int number)
    {
        var (kinerja, potential) = Numbers.Single(cell => cell.Value == number).Key;
        return For(kinerja, potential);
    }

    public static TalentBox For(Rating kinerja, Potential potential)
    {
        var number = Numbers[(kinerja, potential)];
        return new TalentBox(number, kinerja, potential, ByNumber[number]);
    }
}
