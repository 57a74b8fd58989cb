namespace Kinerja.Tools.Generating;

/// <summary>What a unit does, which sets its staff's work, plans and public feedback.</summary>
public enum UnitKind { Setda, Opd, Kecamatan, Sekolah, Puskesmas, Kelurahan }

/// <param name="Weight">Relative share of the staff the unit gets.</param>
public sealed record UnitSpec(string Code, string Name, string? ParentCode, UnitKind Kind, double Weight, string HeadTitle);

/// <summary>The units of Pemerintah Kota Ambon: the OPD, the five kecamatan, and sub-units that grow with the city's size.</summary>
public static class AmbonUnits
{
    private static readonly (string Code, string Name, double Weight, string Head)[] Opd =
    [
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 25, "Kepala Badan Kepegawaian dan Pengembangan SDM"),
        ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", 35, "Kepala Badan Pengelolaan Keuangan dan Aset Daerah"),
        ("BAPPEDALITBANG", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", 20, "Kepala Bappedalitbang"),
        ("INSPEKTORAT", "Inspektorat Kota Ambon", 20, "Inspektur Kota Ambon"),
        ("BPBD", "Badan Penanggulangan Bencana Daerah", 15, "Kepala Pelaksana BPBD"),
        ("DISDIK", "Dinas Pendidikan dan Kebudayaan", 40, "Kepala Dinas Pendidikan dan Kebudayaan"),
        ("DINKES", "Dinas Kesehatan", 40, "Kepala Dinas Kesehatan"),
        ("DINSOS", "Dinas Sosial", 20, "Kepala Dinas Sosial"),
        ("DISKOMINFOSANDI", "Dinas Komunikasi, Informatika dan Persandian", 20, "Kepala Dinas Kominfo dan Persandian"),
        ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", 35, "Kepala Dinas PUPR"),
        ("DISHUB", "Dinas Perhubungan", 30, "Kepala Dinas Perhubungan"),
        ("DLHP", "Dinas Lingkungan Hidup dan Persampahan", 40, "Kepala Dinas Lingkungan Hidup dan Persampahan"),
        ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", 25, "Kepala Dinas Dukcapil"),
        ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 20, "Kepala Dinas PMPTSP"),
        ("SATPOLPP", "Satuan Polisi Pamong Praja", 35, "Kepala Satuan Polisi Pamong Praja"),
    ];

    private static readonly (string Code, string Name, string[] Villages)[] Kecamatan =
    [
        ("KEC-NUSANIWE", "Nusaniwe", ["Kelurahan Benteng", "Kelurahan Wainitu", "Kelurahan Kudamati", "Kelurahan Mangga Dua", "Kelurahan Urimessing", "Kelurahan Waihaong", "Kelurahan Silale", "Negeri Amahusu", "Negeri Latuhalat", "Negeri Nusaniwe"]),
        ("KEC-SIRIMAU", "Sirimau", ["Kelurahan Honipopu", "Kelurahan Uritetu", "Kelurahan Rijali", "Kelurahan Amantelu", "Kelurahan Batu Gajah", "Kelurahan Batu Meja", "Kelurahan Karang Panjang", "Kelurahan Ahusen", "Kelurahan Waihoka", "Negeri Soya", "Negeri Hative Kecil", "Desa Galala"]),
        ("KEC-TELUKAMBON", "Teluk Ambon", ["Kelurahan Tihu", "Negeri Rumah Tiga", "Negeri Hative Besar", "Negeri Tawiri", "Negeri Laha", "Desa Wayame", "Desa Poka"]),
        ("KEC-BAGUALA", "Teluk Ambon Baguala", ["Kelurahan Lateri", "Negeri Passo", "Negeri Halong", "Negeri Nania", "Negeri Negeri Lama", "Desa Waiheru", "Desa Latta"]),
        ("KEC-LEITISEL", "Leitimur Selatan", ["Negeri Hutumuri", "Negeri Rutong", "Negeri Leahari", "Negeri Hukurila", "Negeri Ema", "Negeri Naku", "Negeri Kilang", "Negeri Hatalai"]),
    ];

    private static readonly string[] Puskesmas =
    [
        "Waihaong", "Benteng", "Air Salobar", "Nusaniwe", "Latuhalat", "Rijali", "Kayu Putih", "Passo", "Hative Kecil", "Lateri", "Poka",
        "Rumah Tiga", "Tawiri", "Waiheru", "Belakang Soya", "Karang Panjang", "Halong", "Air Besar", "Hutumuri", "Urimessing", "Amahusu", "Kilang",
    ];

    /// <summary>Units for a city of <paramref name="employees"/> ASN, parents before their sub-units.</summary>
    public static IReadOnlyList<UnitSpec> For(int employees)
    {
        var units = new List<UnitSpec> { new("SETDA", "Sekretariat Daerah Kota Ambon", null, UnitKind.Setda, 60, "Sekretaris Daerah Kota Ambon") };
        units.AddRange(Opd.Select(o => new UnitSpec(o.Code, o.Name, null, UnitKind.Opd, o.Weight, o.Head)));
        units.AddRange(Kecamatan.Select(k => new UnitSpec(k.Code, "Kecamatan " + k.Name, null, UnitKind.Kecamatan, 10, "Camat " + k.Name)));
        for (var n = 1; n <= Scaled(employees, 80, 100); n++)
        {
            units.Add(new($"SDN-{n:D3}", $"SD Negeri {n} Ambon", "DISDIK", UnitKind.Sekolah, 12, $"Kepala SD Negeri {n} Ambon"));
        }

        for (var n = 1; n <= Scaled(employees, 350, 25); n++)
        {
            units.Add(new($"SMPN-{n:D2}", $"SMP Negeri {n} Ambon", "DISDIK", UnitKind.Sekolah, 28, $"Kepala SMP Negeri {n} Ambon"));
        }

        foreach (var name in Puskesmas.Take(Scaled(employees, 250, Puskesmas.Length)))
        {
            units.Add(new("PKM-" + Code(name), "Puskesmas " + name, "DINKES", UnitKind.Puskesmas, 25, "Kepala Puskesmas " + name));
        }

        foreach (var (code, _, villages) in Kecamatan)
        {
            foreach (var village in villages.Take(Scaled(employees, 1000, villages.Length)))
            {
                var head = village.StartsWith("Kelurahan", StringComparison.Ordinal) ? "Lurah " + village[10..] : "Sekretaris " + village;
                units.Add(new(VillageCode(village), village, code, UnitKind.Kelurahan, 5, head));
            }
        }

        return units;
    }

    private static int Scaled(int employees, int perUnit, int max) => Math.Clamp(employees / perUnit, 1, max);

    private static string VillageCode(string village) =>
        Code(village.Replace("Kelurahan ", "KEL ", StringComparison.Ordinal).Replace("Negeri ", "NEG ", StringComparison.Ordinal).Replace("Desa ", "DESA ", StringComparison.Ordinal));

    private static string Code(string name) =>
        new string([.. name.ToUpperInvariant().Replace(' ', '-').Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')])[..Math.Min(32, name.Length)];
}
