using Kinerja.Domain.Employees;

namespace Kinerja.Tools.Generating;

public enum Rank { Head, Manager, Staff }

/// <summary>The jabatan a generated employee holds, by the kind of unit and their rank in it.</summary>
public static class Positions
{
    private static readonly (string Title, PositionKind Kind, PositionLevel[] Levels)[] Office =
    [
        ("Analis Kebijakan", PositionKind.FungsionalKeahlian, [PositionLevel.AhliPertama, PositionLevel.AhliMuda]),
        ("Perencana", PositionKind.FungsionalKeahlian, [PositionLevel.AhliPertama, PositionLevel.AhliMuda]),
        ("Pranata Komputer", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
        ("Arsiparis", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil]),
        ("Pengadministrasi Perkantoran", PositionKind.Pelaksana, []),
        ("Pengelola Keuangan", PositionKind.Pelaksana, []),
        ("Pengelola Barang Milik Daerah", PositionKind.Pelaksana, []),
    ];

    /// <summary>A puskesmas's staff: bidan and perawat are most of it (each entry is drawn alike, so they appear more than once).</summary>
    private static readonly (string Title, PositionKind Kind, PositionLevel[] Levels)[] Health =
    [
        ("Dokter", PositionKind.FungsionalKeahlian, [PositionLevel.AhliPertama, PositionLevel.AhliMuda]),
        ("Perawat", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
        ("Perawat", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
        ("Perawat", PositionKind.FungsionalKeahlian, [PositionLevel.AhliPertama]),
        ("Bidan", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
        ("Bidan", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
        ("Bidan", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
        ("Apoteker", PositionKind.FungsionalKeahlian, [PositionLevel.AhliPertama]),
        ("Sanitarian", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil]),
        ("Nutrisionis", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil]),
        ("Pranata Laboratorium Kesehatan", PositionKind.FungsionalKeterampilan, [PositionLevel.Terampil, PositionLevel.Mahir]),
    ];

    private static readonly string[] Subjects = ["Matematika", "Bahasa Indonesia", "Bahasa Inggris", "IPA", "IPS", "PJOK", "Pendidikan Agama", "Seni Budaya"];

    private static readonly string[] Territorial =
        ["Pengadministrasi Umum", "Pengelola Layanan Kependudukan", "Pengadministrasi Pemerintahan", "Pengelola Pemberdayaan Masyarakat"];

    private static readonly string[] Bidang = ["Sekretaris", "Kepala Bidang Program", "Kepala Bidang Pelayanan", "Kepala Bidang Pengembangan", "Kepala Bidang Pengendalian"];

    public static (Position Position, WorkKind Work) For(Chance chance, UnitSpec unit, Rank rank) => rank switch
    {
        Rank.Head => (unit.Kind switch
        {
            UnitKind.Setda or UnitKind.Opd => new Position(unit.HeadTitle, PositionKind.JPT, PositionLevel.Pratama),
            UnitKind.Kecamatan => new Position(unit.HeadTitle, PositionKind.Administrator, null),
            UnitKind.Sekolah => new Position(unit.HeadTitle, PositionKind.FungsionalKeahlian, PositionLevel.AhliMadya),
            _ => new Position(unit.HeadTitle, PositionKind.Pengawas, null),
        }, WorkKind.Pimpinan),
        Rank.Manager => (unit.Kind switch
        {
            UnitKind.Setda => new Position("Kepala Bagian " + chance.Pick(["Umum", "Organisasi", "Hukum", "Pemerintahan", "Perekonomian"]), PositionKind.Administrator, null),
            UnitKind.Kecamatan => new Position(chance.Pick(["Sekretaris Kecamatan", "Kepala Seksi Pemerintahan", "Kepala Seksi Pelayanan Umum"]), PositionKind.Pengawas, null),
            _ => new Position(chance.Pick(Bidang), PositionKind.Administrator, null),
        }, WorkKind.Pimpinan),
        _ => Staff(chance, unit),
    };

    private static (Position, WorkKind) Staff(Chance chance, UnitSpec unit)
    {
        switch (unit.Kind)
        {
            case UnitKind.Sekolah when chance.Percent(0.9):
                var title = unit.Code.StartsWith("SDN", StringComparison.Ordinal) ? "Guru Kelas" : "Guru " + chance.Pick(Subjects);
                return (new Position(title, PositionKind.FungsionalKeahlian,
                    chance.Pick([PositionLevel.AhliPertama, PositionLevel.AhliPertama, PositionLevel.AhliMuda, PositionLevel.AhliMuda, PositionLevel.AhliMadya])), WorkKind.Guru);
            case UnitKind.Puskesmas when chance.Percent(0.9):
                var health = chance.Pick(Health);
                return (new Position(health.Title, health.Kind, chance.Pick(health.Levels)), WorkKind.Kesehatan);
            case UnitKind.Kelurahan or UnitKind.Kecamatan:
                return (new Position(chance.Pick(Territorial), PositionKind.Pelaksana, null), WorkKind.Kewilayahan);
            case UnitKind.Opd when unit.Code == "SATPOLPP" && chance.Percent(0.7):
                return (new Position("Polisi Pamong Praja", PositionKind.FungsionalKeterampilan, chance.Pick([PositionLevel.Terampil, PositionLevel.Mahir])), WorkKind.Administrasi);
            default:
                var office = chance.Pick(Office);
                return (new Position(office.Title, office.Kind, office.Levels.Length == 0 ? null : chance.Pick(office.Levels)), WorkKind.Administrasi);
        }
    }
}
