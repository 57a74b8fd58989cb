namespace Kinerja.Domain.Employees;

/// <summary>
/// PNS: career civil servant; PPPK: civil servant on contract (PermenPANRB 6/2022 appraises both). NonAsn: an official
/// who is not an ASN and has no NIP (the Walikota as PPK), registered only to rate those at the top of the tree.
/// </summary>
public enum EmploymentType { PNS, PPPK, NonAsn }

/// <summary>Jenis jabatan (position kind).</summary>
public enum PositionKind { JPT, Administrator, Pengawas, Pelaksana, FungsionalKeahlian, FungsionalKeterampilan }

/// <summary>Jenjang (level) within a position kind; JPT and the two fungsional kinds have one.</summary>
public enum PositionLevel
{
    Utama, Madya, Pratama,
    AhliPertama, AhliMuda, AhliMadya, AhliUtama,
    Pemula, Terampil, Mahir, Penyelia,
}

/// <summary>Potensial from a competency assessment: the talent 9-box's vertical axis.</summary>
public enum Potential { Rendah, Menengah, Tinggi }

/// <summary>How a superior was set: named by hr-admin, or derived from the head of the unit an employee moved to.</summary>
public enum SupervisorBasis { Named, UnitHead }

/// <summary>Pelaksana tugas (Plt: the post is vacant) or pelaksana harian (Plh: the holder is away for a while).</summary>
public enum ActingKind { Plt, Plh }

public enum EmploymentEndReason { Retired, Resigned, ContractEnded, Dismissed, Deceased }

public sealed record Position(string Title, PositionKind Kind, PositionLevel? Level)
{
    private static readonly Dictionary<PositionKind, PositionLevel[]> Levels = new()
    {
        [PositionKind.JPT] = [PositionLevel.Utama, PositionLevel.Madya, PositionLevel.Pratama],
        [PositionKind.FungsionalKeahlian] = [PositionLevel.AhliPertama, PositionLevel.AhliMuda, PositionLevel.AhliMadya, PositionLevel.AhliUtama],
        [PositionKind.FungsionalKeterampilan] = [PositionLevel.Pemula, PositionLevel.Terampil, PositionLevel.Mahir, PositionLevel.Penyelia],
    };

    public static Wording? LevelProblem(PositionKind kind, PositionLevel? level) =>
        Levels.TryGetValue(kind, out var allowed)
            ? level is { } l && allowed.Contains(l) ? null : new($"{kind} memerlukan jenjang: salah satu dari {string.Join(", ", allowed)}", $"{kind} needs a level: one of {string.Join(", ", allowed)}")
            : level is null ? null : new($"{kind} tidak memiliki jenjang", $"{kind} has no level");
}

/// <summary>Pangkat/golongan ruang: the 17 steps of a PNS grade, I/a to IV/e. PPPK have none here.</summary>
public static class Golongan
{
    public static readonly IReadOnlyList<string> All =
    [
        "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
        "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
    ];

    public static Wording? Problem(EmploymentType type, string? golongan) => type switch
    {
        EmploymentType.PNS when golongan is null || !All.Contains(golongan) => new($"PNS memerlukan golongan: salah satu dari {string.Join(", ", All)}", $"a PNS needs a golongan: one of {string.Join(", ", All)}"),
        EmploymentType.PPPK when golongan is not null => new("PPPK tidak memiliki golongan PNS", "a PPPK has no PNS golongan"),
        EmploymentType.NonAsn when golongan is not null => new("pejabat non-ASN tidak memiliki golongan", "a non-ASN official has no golongan"),
        _ => null,
    };
}

public sealed record CompetencyLevel(string Code, int Level)
{
    public const int Min = 1;
    public const int Max = 5;
}
