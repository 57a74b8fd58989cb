namespace Kinerja.Api.WebConsole;

/// <summary>
/// The console's words: Indonesian by default (the users are Ambon's auditors and BKPSDM), English on request. The choice is kept
/// in a cookie so that every page and the chart speak the same language.
/// </summary>
public sealed class ConsoleText(IHttpContextAccessor accessor)
{
    public const string Cookie = "kinerja-console-lang";

    private static readonly Dictionary<string, (string Id, string En)> Words = new()
    {
        ["title"] = ("Konsol Kinerja", "Kinerja console"),
        ["skip"] = ("Langsung ke isi", "Skip to content"),
        ["home"] = ("Beranda", "Home"),
        ["signIn"] = ("Masuk", "Sign in"),
        ["signOut"] = ("Keluar", "Sign out"),
        ["signedInAs"] = ("Masuk sebagai", "Signed in as"),
        ["role"] = ("Peran", "Role"),
        ["name"] = ("Nama", "Name"),
        ["language"] = ("Bahasa", "Language"),
        ["devSignIn"] = ("Masuk pengembangan (hanya di lingkungan Development)", "Development sign-in (Development environment only)"),
        ["devSignInHint"] = ("Pilih peran; tidak ada kata sandi. Di luar Development konsol masuk lewat penyedia identitas (OpenID Connect).",
            "Pick a role; there is no password. Outside Development the console signs in through the identity provider (OpenID Connect)."),
        ["findEmployee"] = ("Cari pegawai", "Find an employee"),
        ["open"] = ("Buka", "Open"),
        ["openUnit"] = ("Unit dalam siklus", "Unit in a cycle"),
        ["cycle"] = ("Siklus", "Cycle"),
        ["unitCode"] = ("Kode unit", "Unit code"),
        ["profile"] = ("Profil", "Profile"),
        ["unit"] = ("Unit", "Unit"),
        ["position"] = ("Jabatan", "Position"),
        ["status"] = ("Status", "Status"),
        ["type"] = ("Jenis", "Type"),
        ["startDate"] = ("TMT", "Start date"),
        ["supervisor"] = ("Atasan", "Supervisor"),
        ["timeline"] = ("Riwayat peristiwa", "Event timeline"),
        ["filters"] = ("Saring", "Filter"),
        ["from"] = ("Dari (WIT)", "From (WIT)"),
        ["to"] = ("Sampai (WIT)", "To (WIT)"),
        ["eventType"] = ("Jenis peristiwa", "Event type"),
        ["allTypes"] = ("Semua jenis", "All types"),
        ["apply"] = ("Terapkan", "Apply"),
        ["sequence"] = ("No. urut", "Sequence"),
        ["recordedAt"] = ("Dicatat (WIT)", "Recorded (WIT)"),
        ["effectiveOn"] = ("Berlaku", "Effective"),
        ["who"] = ("Oleh", "By"),
        ["why"] = ("Alasan", "Reason"),
        ["data"] = ("Data tersimpan", "Data as stored"),
        ["backDated"] = ("Diinput mundur {0} hari", "Back-dated {0} days"),
        ["more"] = ("Berikutnya", "Next page"),
        ["noMore"] = ("Tidak ada lagi.", "Nothing more."),
        ["moreFollows"] = ("Masih ada lagi.", "More follows."),
        ["nothing"] = ("Tidak ada.", "None."),
        ["csv"] = ("Unduh CSV", "Download CSV"),
        ["asOf"] = ("Keadaan per tanggal", "State as of"),
        ["asOfAt"] = ("Per (WIT)", "As of (WIT)"),
        ["show"] = ("Tampilkan", "Show"),
        ["eventsReplayed"] = ("peristiwa diputar ulang", "events replayed"),
        ["appraisals"] = ("Penilaian (SKP)", "Appraisals (SKP)"),
        ["phase"] = ("Tahap", "Phase"),
        ["plan"] = ("Rencana", "Plan"),
        ["predikat"] = ("Predikat", "Predikat"),
        ["backDatedEntries"] = ("Entri yang diinput mundur", "Back-dated entries"),
        ["verification"] = ("Verifikasi rantai hash", "Hash chain verification"),
        ["verify"] = ("Jalankan verifikasi", "Run the verification"),
        ["intact"] = ("Utuh: setiap aliran cocok dengan rantai yang disegel.", "Intact: every stream matches its sealed chain."),
        ["broken"] = ("RUSAK: ada aliran yang tidak cocok.", "BROKEN: a stream does not match."),
        ["stream"] = ("Aliran", "Stream"),
        ["events"] = ("Peristiwa", "Events"),
        ["firstBroken"] = ("Versi pertama yang rusak", "First broken version"),
        ["notAllowed"] = ("Tidak tersedia untuk peran Anda (API menjawab 403).", "Not available to your role (the API answers 403)."),
        ["deniedTitle"] = ("Tidak berwenang", "Not allowed"),
        ["denied"] = ("Akun ini tidak memegang peran Kinerja (hr-admin, supervisor, employee, auditor, portal). Hubungi BKPSDM.",
            "This account holds no Kinerja role (hr-admin, supervisor, employee, auditor, portal). Ask BKPSDM."),
        ["notFound"] = ("Tidak ditemukan", "Not found"),
        ["invalid"] = ("Masukan tidak dapat dibaca", "Input could not be read"),
        ["distribution"] = ("Kurva distribusi predikat", "Predikat distribution curve"),
        ["unitResult"] = ("Predikat kinerja organisasi", "Unit result"),
        ["guidance"] = ("Pedoman", "Guidance"),
        ["final"] = ("Predikat akhir", "Final predikat"),
        ["count"] = ("Jumlah", "Count"),
        ["share"] = ("Porsi", "Share"),
        ["bound"] = ("Batas", "Bound"),
        ["holds"] = ("terpenuhi", "holds"),
        ["breached"] = ("dilanggar", "breached"),
        ["breaches"] = ("Pelanggaran pedoman", "Breaches of the guidance"),
        ["justifications"] = ("Justifikasi", "Justifications"),
        ["justified"] = ("Semua pelanggaran dijawab justifikasi terakhir.", "Every breach is answered by the latest justification."),
        ["unjustified"] = ("Ada pelanggaran yang belum dijawab justifikasi.", "A breach is not answered by a justification."),
        ["noResult"] = ("Predikat kinerja organisasi belum dicatat: belum ada batas pedoman.", "The unit's result is not recorded yet: no guidance bounds apply."),
        ["ranking"] = ("Peringkat", "Ranking"),
        ["rank"] = ("Peringkat", "Rank"),
        ["score"] = ("Nilai", "Score"),
        ["separation"] = ("Temuan pemisahan tugas", "Separation-of-duties findings"),
        ["separationScope"] = ("Seluruh siklus.", "Whole cycle."),
        ["kind"] = ("Jenis temuan", "Kind"),
        ["ratee"] = ("Pegawai dinilai", "Ratee"),
        ["actedBy"] = ("Dilakukan oleh", "Acted by"),
        ["expected"] = ("Seharusnya", "Expected"),
        ["on"] = ("Tanggal", "On"),
        ["lateEntries"] = ("Entri terlambat", "Late entries"),
        ["subject"] = ("Pegawai", "Subject"),
        ["awardCandidates"] = ("Calon penerima penghargaan", "Award candidates"),
        ["supportNeeds"] = ("Kebutuhan pembinaan", "Support needs"),
        ["rankInUnit"] = ("Peringkat di unit", "Rank in unit"),
        ["finalAt"] = ("Final (WIT)", "Final (WIT)"),
        ["chartTitle"] = ("Distribusi predikat akhir terhadap batas pedoman", "Final predikat against the guidance's bounds"),
        ["min"] = ("min", "min"),
        ["max"] = ("maks", "max"),
        ["atLeastOne"] = ("minimal satu", "at least one"),
        ["period"] = ("Periode", "Period"),
        ["timesWit"] = ("Semua waktu dalam WIT (UTC+09:00).", "All times in WIT (UTC+09:00)."),
        ["sangatBaik"] = ("Sangat Baik", "Sangat Baik"),
        ["baik"] = ("Baik", "Baik"),
        ["butuhPerbaikan"] = ("Butuh Perbaikan", "Butuh Perbaikan"),
        ["kurang"] = ("Kurang", "Kurang"),
        ["sangatKurang"] = ("Sangat Kurang", "Sangat Kurang"),
    };

    public bool English => accessor.HttpContext?.Request.Cookies[Cookie] == "en";

    public string Lang => English ? "en" : "id";

    public string this[string key] => Words.TryGetValue(key, out var w) ? (English ? w.En : w.Id) : throw new KeyNotFoundException($"No console text '{key}'.");

    public string Format(string key, object arg) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], arg);

    /// <summary>The predikat by its regulated name (PermenPANRB 6/2022) in either language: it is a term of the rules, not a word to translate.</summary>
    public string Predikat(Domain.Evaluations.Predikat p) => this[char.ToLowerInvariant(p.ToString()[0]) + p.ToString()[1..]];

    /// <summary>Every key exists in both languages: a test reads this to prove no label is missing.</summary>
    public static IReadOnlyCollection<string> Keys => Words.Keys;
}
