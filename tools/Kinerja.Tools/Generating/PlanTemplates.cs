using Kinerja.Domain.Appraisals;

namespace Kinerja.Tools.Generating;

/// <summary>SKP rows as units of Kota Ambon write them, per kind of work; a row R1 exists in every plan so staff can cascade to it.</summary>
internal static class PlanTemplates
{
    private sealed record Row(RowKind Kind, string Rhk, (Aspect Aspect, string Iki, decimal Target, string Unit)[] Indicators);

    private static readonly Dictionary<WorkKind, Row[]> Rows = new()
    {
        [WorkKind.Pimpinan] =
        [
            new(RowKind.Utama, "Tercapainya sasaran kinerja {unit}",
                [(Aspect.Kualitas, "Persentase capaian indikator kinerja utama unit", 100, "%"), (Aspect.Kuantitas, "Jumlah inovasi pelayanan yang diterapkan", 2, "inovasi")]),
            new(RowKind.Utama, "Meningkatnya akuntabilitas kinerja {unit}", [(Aspect.Kualitas, "Nilai evaluasi SAKIP unit", 80, "nilai")]),
            new(RowKind.Tambahan, "Terlaksananya pembinaan pegawai {unit}", [(Aspect.Kuantitas, "Jumlah dialog kinerja dengan bawahan", 12, "kegiatan")]),
        ],
        [WorkKind.Guru] =
        [
            new(RowKind.Utama, "Terlaksananya pembelajaran yang berpusat pada peserta didik",
                [(Aspect.Kuantitas, "Jumlah perangkat ajar yang disusun", 12, "dokumen"), (Aspect.Kualitas, "Persentase peserta didik mencapai KKTP", 85, "%")]),
            new(RowKind.Utama, "Terlaksananya penilaian hasil belajar", [(Aspect.Waktu, "Ketepatan waktu penyampaian rapor", 2, "semester")]),
            new(RowKind.Tambahan, "Terlaksananya kegiatan ekstrakurikuler", [(Aspect.Kuantitas, "Jumlah kegiatan pembinaan ekstrakurikuler", 8, "kegiatan")]),
        ],
        [WorkKind.Kesehatan] =
        [
            new(RowKind.Utama, "Meningkatnya mutu pelayanan kesehatan di puskesmas",
                [(Aspect.Kuantitas, "Jumlah pasien yang dilayani sesuai standar", 1200, "orang"), (Aspect.Kualitas, "Persentase kepuasan pasien", 90, "%")]),
            new(RowKind.Utama, "Tercapainya cakupan program kesehatan masyarakat", [(Aspect.Kualitas, "Cakupan imunisasi dasar lengkap wilayah binaan", 95, "%")]),
            new(RowKind.Tambahan, "Terlaksananya penyuluhan kesehatan", [(Aspect.Kuantitas, "Jumlah kegiatan penyuluhan posyandu", 10, "kegiatan")]),
        ],
        [WorkKind.Kewilayahan] =
        [
            new(RowKind.Utama, "Terselenggaranya pelayanan administrasi kependudukan dan umum",
                [(Aspect.Kuantitas, "Jumlah surat keterangan yang diterbitkan", 600, "dokumen"), (Aspect.Waktu, "Ketepatan waktu laporan bulanan", 12, "bulan")]),
            new(RowKind.Utama, "Terlaksananya pemberdayaan masyarakat", [(Aspect.Kuantitas, "Jumlah musyawarah kelurahan/negeri yang difasilitasi", 4, "kegiatan")]),
            new(RowKind.Tambahan, "Terlaksananya pendataan penduduk rentan", [(Aspect.Kuantitas, "Jumlah rumah tangga yang didata", 150, "rumah tangga")]),
        ],
        [WorkKind.Administrasi] =
        [
            new(RowKind.Utama, "Tersusunnya dokumen perencanaan dan pelaporan unit",
                [(Aspect.Kuantitas, "Jumlah dokumen yang disusun", 6, "dokumen"), (Aspect.Waktu, "Ketepatan waktu penyampaian laporan", 12, "bulan")]),
            new(RowKind.Utama, "Tertibnya pengelolaan administrasi umum dan keuangan", [(Aspect.Kualitas, "Persentase dokumen tanpa temuan pemeriksaan", 100, "%")]),
            new(RowKind.Tambahan, "Terlaksananya digitalisasi arsip unit", [(Aspect.Kuantitas, "Jumlah berkas arsip yang didigitalkan", 500, "berkas")]),
        ],
    };

    private static readonly Dictionary<BerAkhlak, string> Expectations = new()
    {
        [BerAkhlak.BerorientasiPelayanan] = "Melayani masyarakat dengan ramah, cepat dan tuntas",
        [BerAkhlak.Akuntabel] = "Menyampaikan laporan kerja tepat waktu dan dapat dipertanggungjawabkan",
        [BerAkhlak.Kompeten] = "Mengikuti pengembangan kompetensi dan membagikan ilmunya kepada rekan",
        [BerAkhlak.Harmonis] = "Menjaga suasana kerja yang saling menghargai",
        [BerAkhlak.Loyal] = "Menjaga nama baik Pemerintah Kota Ambon",
        [BerAkhlak.Adaptif] = "Cepat menyesuaikan diri dengan aplikasi layanan baru",
        [BerAkhlak.Kolaboratif] = "Aktif bekerja sama lintas bidang",
    };

    /// <summary>Targets in whole units, except shares and scores that stay as the template sets them.</summary>
    public static bool IsShare(Target target) => target.Unit is "%" or "nilai";

    /// <summary>
    /// The plan as revised after the rater returned it: the counts of the first row are raised by about a tenth (at least
    /// one). Shares, scores and time limits stay: a target of 101 % or 13 bulan in a year is not one a rater asks for.
    /// </summary>
    public static Plan Revised(Plan plan)
    {
        var first = plan.Rows[0];
        var raised = first.Indicators.Select(i => i.Aspect == Aspect.Kuantitas && !IsShare(i.Target)
            ? i with { Target = i.Target with { Value = i.Target.Value + Math.Max(1, Math.Round(i.Target.Value / 10)) } }
            : i);
        return plan with { Rows = [first with { Indicators = [.. raised] }, .. plan.Rows.Skip(1)] };
    }

    /// <summary>
    /// What a year's work realises against a target: <paramref name="achieved"/> of it, of the <paramref name="share"/> of the
    /// year gone by. Time is the other way round (a good year takes less of it); a share never passes 100 %.
    /// </summary>
    public static decimal Realised(Indicator indicator, double achieved, double share)
    {
        var target = indicator.Target;
        if (indicator.Aspect is Aspect.Waktu)
        {
            return Math.Max(1, Math.Round(target.Value * (decimal)(share / achieved)));
        }

        var value = target.Value * (decimal)(achieved * share);
        return IsShare(target) ? Math.Min(Math.Round(value, 1), 100) : Math.Round(value);
    }

    public static Plan For(CityEmployee employee, Chance chance, SupportedRhk? supports)
    {
        var templates = Rows[employee.Work];
        var rows = new List<PlanRow>();
        for (var r = 0; r < templates.Length; r++)
        {
            var row = templates[r];
            if (row.Kind == RowKind.Tambahan && !chance.Percent(0.4))
            {
                continue;
            }

            var key = $"R{r + 1}";
            var indicators = row.Indicators.Select((x, i) =>
            {
                var target = new Target(x.Target, x.Unit);
                var value = IsShare(target) || x.Aspect == Aspect.Waktu ? x.Target : Math.Max(1, Math.Round(x.Target * (decimal)(0.8 + chance.Between(0, 7) / 10.0)));
                return new Indicator($"{key}.{i + 1}", x.Aspect, x.Iki, target with { Value = value });
            });
            rows.Add(new PlanRow(key, row.Kind, row.Rhk.Replace("{unit}", employee.Unit.Spec.Name, StringComparison.Ordinal), r == 0 ? supports : null, [.. indicators]));
        }

        var expectations = employee.Supervisor is null
            ? new Dictionary<BerAkhlak, string>()
            : Enumerable.Range(0, chance.Between(1, 2)).Select(_ => chance.Pick(Enum.GetValues<BerAkhlak>()))
                .Distinct().ToDictionary(v => v, v => Expectations[v]);
        return new Plan(rows, expectations);
    }
}
