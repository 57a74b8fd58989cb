using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Talent;

/// <summary>A jabatan fungsional path (e.g. Guru, Perawat) and its rumpun (family, e.g. Kesehatan), recognised by the title's start.</summary>
public sealed record FunctionalPath(string TitleStart, string Path, string Rumpun);

/// <summary>
/// The placement reference data (docs/decisions/100), version 2026.1, each cell pinned by a unit test:
/// <list type="bullet">
/// <item>Weights of a requirement by its competency group. PermenPANRB 38/2017 (standar kompetensi jabatan ASN) splits a
/// position's standard into teknis, manajerial and sosiokultural competencies; the technical one is what the work is, so it
/// weighs three, the others one. The weights are this system's construct, not the regulation's.</item>
/// <item>Grades that make a step-down visible across kinds: the golongan at which each jenjang starts (PermenPANRB 13/2019
/// for the fungsional jenjang) and the equivalence of structural and functional posts (PermenPANRB 17/2021, penyetaraan:
/// Administrator = Ahli Madya, Pengawas = Ahli Muda, Pelaksana below Ahli Pertama).</item>
/// <item>The jabatan fungsional paths by title, grouped in rumpun (Perpres 116/2022's grouping by field of work).</item>
/// </list>
/// </summary>
public static class PlacementRules
{
    public const string Version = "2026.1";

    public static readonly IReadOnlyDictionary<string, int> GroupWeights = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["TEKNIS"] = 3, ["MANAJERIAL"] = 1, ["SOSIOKULTURAL"] = 1,
    };

    public const int OtherWeight = 1;

    /// <summary>The weight of a requirement: its group is the code up to the first dot (TEKNIS.PEMBELAJARAN is teknis).</summary>
    public static int Weight(string code)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        return GroupWeights.TryGetValue(dot < 0 ? code : code[..dot], out var weight) ? weight : OtherWeight;
    }

    public static readonly IReadOnlyDictionary<(PositionKind Kind, PositionLevel? Level), int> Grades = new Dictionary<(PositionKind, PositionLevel?), int>
    {
        [(PositionKind.Pelaksana, null)] = 1,
        [(PositionKind.FungsionalKeterampilan, PositionLevel.Pemula)] = 1,
        [(PositionKind.FungsionalKeterampilan, PositionLevel.Terampil)] = 2,
        [(PositionKind.FungsionalKeterampilan, PositionLevel.Mahir)] = 3,
        [(PositionKind.FungsionalKeahlian, PositionLevel.AhliPertama)] = 3,
        [(PositionKind.FungsionalKeterampilan, PositionLevel.Penyelia)] = 4,
        [(PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda)] = 4,
        [(PositionKind.Pengawas, null)] = 4,
        [(PositionKind.FungsionalKeahlian, PositionLevel.AhliMadya)] = 5,
        [(PositionKind.Administrator, null)] = 5,
        [(PositionKind.FungsionalKeahlian, PositionLevel.AhliUtama)] = 6,
        [(PositionKind.JPT, PositionLevel.Pratama)] = 6,
        [(PositionKind.JPT, PositionLevel.Madya)] = 7,
        [(PositionKind.JPT, PositionLevel.Utama)] = 8,
    };

    /// <summary>The grade of a kind and level; null for a combination the registry does not allow.</summary>
    public static int? Grade(PositionKind kind, PositionLevel? level) => Grades.TryGetValue((kind, level), out var grade) ? grade : null;

    /// <summary>A move to a lower grade than the one held: never recommended, never a candidate.</summary>
    public static bool IsStepDown(int? heldGrade, int? positionGrade) => heldGrade is { } held && positionGrade is { } target && target < held;

    public static readonly IReadOnlyList<FunctionalPath> Paths =
    [
        new("Guru", "Guru", "Pendidikan"),
        new("Kepala SD", "Guru", "Pendidikan"),
        new("Kepala SMP", "Guru", "Pendidikan"),
        new("Kepala Sekolah", "Guru", "Pendidikan"),
        new("Pengawas Sekolah", "Pengawas Sekolah", "Pendidikan"),
        new("Dokter Gigi", "Dokter Gigi", "Kesehatan"),
        new("Dokter", "Dokter", "Kesehatan"),
        new("Perawat", "Perawat", "Kesehatan"),
        new("Bidan", "Bidan", "Kesehatan"),
        new("Apoteker", "Apoteker", "Kesehatan"),
        new("Sanitarian", "Sanitarian", "Kesehatan"),
        new("Nutrisionis", "Nutrisionis", "Kesehatan"),
        new("Pranata Laboratorium Kesehatan", "Pranata Laboratorium Kesehatan", "Kesehatan"),
        new("Analis Kebijakan", "Analis Kebijakan", "Manajemen"),
        new("Perencana", "Perencana", "Manajemen"),
        new("Arsiparis", "Arsiparis", "Manajemen"),
        new("Pranata Komputer", "Pranata Komputer", "Teknologi Informasi"),
        new("Polisi Pamong Praja", "Polisi Pamong Praja", "Ketertiban"),
    ];

    /// <summary>The path of a functional title (the longest start that matches, so "Dokter Gigi" is not "Dokter"); none for other kinds.</summary>
    public static FunctionalPath? PathOf(PositionKind kind, string title) =>
        kind is PositionKind.FungsionalKeahlian or PositionKind.FungsionalKeterampilan
            ? Paths.Where(p => title.StartsWith(p.TitleStart, StringComparison.OrdinalIgnoreCase)).MaxBy(p => p.TitleStart.Length)
            : null;

    /// <summary>How far a person's path is from a position's: 0 the same (or the position has none), 1 the same rumpun, 2 another.</summary>
    public static int PathDistance(FunctionalPath? position, FunctionalPath? held) =>
        position is null || held?.Path == position.Path ? 0 : held?.Rumpun == position.Rumpun ? 1 : 2;
}
