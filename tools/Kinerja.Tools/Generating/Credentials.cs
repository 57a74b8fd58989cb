using Kinerja.Domain.Employees;

namespace Kinerja.Tools.Generating;

/// <summary>An academic title as written around a name: a prefix (dr.) and/or the degrees after it (", S.Pd., M.Pd.").</summary>
public sealed record Degree(string Prefix, string Suffix)
{
    public string Around(string name) => Prefix + name + Suffix;
}

/// <summary>
/// What a person in a position plausibly holds, driven by the position: the field of the degree follows the profession
/// and the unit (a puskesmas head is a doctor or public-health graduate, a school head an educator), the level follows the
/// kind of position (a fungsional keterampilan has a diploma, a pimpinan a master's), and a gender only where the
/// profession implies one (bidan).
/// </summary>
public static class Credentials
{
    private static readonly Degree[] Health = [new("dr. ", ", M.Kes."), new("", ", S.KM., M.Kes."), new("dr. ", "")];
    private static readonly Degree[] Education = [new("", ", S.Pd., M.Pd."), new("", ", S.Pd.")];
    private static readonly Degree[] Governance = [new("", ", S.Sos., M.Si."), new("", ", S.IP., M.Si."), new("", ", S.H., M.H."), new("", ", S.STP., M.Si.")];
    private static readonly Degree[] Finance = [new("", ", S.E., M.Si."), new("", ", S.E., Ak., M.M.")];
    private static readonly Degree[] Engineering = [new("", ", S.T., M.T."), new("", ", S.T.")];

    /// <summary>A bidan is a woman (UU 4/2019 tentang Kebidanan, Pasal 1 angka 3, defines her so); everyone else by the work's usual share.</summary>
    public static bool Female(Chance chance, Position position, WorkKind work) =>
        position.Title.StartsWith("Bidan", StringComparison.Ordinal) || chance.Percent(work is WorkKind.Guru or WorkKind.Kesehatan ? 0.65 : 0.45);

    public static Degree For(Chance chance, Position position, UnitSpec unit) => position.Title switch
    {
        "Dokter" => new("dr. ", ""),
        "Apoteker" => new("", ", S.Farm., Apt."),
        "Perawat" => position.Kind == PositionKind.FungsionalKeahlian ? new("", ", S.Kep., Ns.") : new("", ", A.Md.Kep."),
        "Bidan" => position.Level == PositionLevel.Mahir ? chance.Pick([new Degree("", ", A.Md.Keb."), new("", ", S.Tr.Keb.")]) : new("", ", A.Md.Keb."),
        "Sanitarian" => new("", ", A.Md.KL."),
        "Nutrisionis" => new("", ", A.Md.Gz."),
        "Pranata Laboratorium Kesehatan" => new("", ", A.Md.AK."),
        "Analis Kebijakan" => chance.Pick([new Degree("", ", S.Sos."), new("", ", S.IP."), new("", ", S.H.")]),
        "Perencana" => chance.Pick([new Degree("", ", S.E."), new("", ", S.T."), new("", ", S.P.")]),
        "Pranata Komputer" => new("", ", A.Md.Kom."),
        "Arsiparis" => new("", ", A.Md."),
        "Pengelola Keuangan" => chance.Pick([new Degree("", ", S.E."), new("", ", A.Md.Ak."), new("", "")]),
        "Polisi Pamong Praja" => chance.Pick([new Degree("", ""), new("", ""), new("", ", S.H.")]),
        var title when title.StartsWith("Guru", StringComparison.Ordinal) => new("", ", S.Pd."),
        _ when position.Kind is PositionKind.JPT or PositionKind.Administrator || unit.Kind is UnitKind.Sekolah or UnitKind.Puskesmas
            && position.Title.StartsWith("Kepala", StringComparison.Ordinal) => chance.Pick(Leading(unit)),
        _ when position.Kind == PositionKind.Pengawas => Bachelor(chance.Pick(Leading(unit))),
        _ => chance.Pick([new Degree("", ""), new("", ""), new("", ", A.Md."), new("", ", S.Sos."), new("", ", S.E.")]),
    };

    /// <summary>The same field without the master's degree, for the first line of leadership.</summary>
    private static Degree Bachelor(Degree degree) => degree with { Suffix = degree.Suffix.Split(", M.")[0] };

    /// <summary>The field a leader of the unit studied: health in DINKES and its puskesmas, education in DISDIK and its schools, and so on.</summary>
    private static Degree[] Leading(UnitSpec unit) => (unit.Kind, unit.ParentCode ?? unit.Code) switch
    {
        (_, "DINKES") => Health,
        (_, "DISDIK") => Education,
        (_, "DPUPR" or "DISHUB") => Engineering,
        (_, "BPKAD" or "INSPEKTORAT") => Finance,
        (_, "DISKOMINFOSANDI") => [new("", ", S.Kom., M.T."), new("", ", S.Kom., M.Si.")],
        _ => Governance,
    };
}
