using Kinerja.Domain;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Api.Http;

/// <summary>
/// The one catalogue of problem texts, keyed by the stable <c>code</c> (docs/decisions/101). Problems are written in Indonesian,
/// the users' language; <c>Accept-Language: en</c> (preferred over <c>id</c>) gives English. The code never changes with the language.
/// A unit test scans the sources for every code a problem can carry and requires both texts here.
/// </summary>
public static class ProblemTexts
{
    public static readonly IReadOnlyDictionary<string, Wording> ByCode = new Dictionary<string, Wording>(StringComparer.Ordinal)
    {
        // Written by the framework or the problem writer for a status.
        ["bad-request"] = new("Permintaan tidak valid.", "The request is not valid."),
        ["unauthenticated"] = new("Token bearer yang sah diperlukan.", "A valid bearer token is required."),
        ["forbidden"] = new("Peran Anda tidak diizinkan melakukan ini.", "Your role may not do this."),
        ["tenant-required"] = new("Token tidak menyebut instansi (klaim instansi); layanan ini melayani beberapa instansi.",
            "The token names no instansi (the instansi claim); this service serves several."),
        ["outside-unit-scope"] = new("Unit kerja ini di luar unit Anda dan sub-unitnya.", "This unit is outside your unit and its sub-units."),
        ["tenant-unknown"] = new("Instansi yang disebut token tidak dilayani di sini.", "The instansi the token names is not served here."),
        ["not-found"] = new("Tidak ditemukan.", "Not found."),
        ["method-not-allowed"] = new("Metode HTTP ini tidak diizinkan di alamat ini.", "This HTTP method is not allowed here."),
        ["conflict"] = new("Permintaan bertentangan dengan keadaan saat ini.", "The request conflicts with the current state."),
        ["stale-version"] = new("Catatan telah berubah sejak Anda membacanya.", "The record changed since you read it."),
        ["payload-too-large"] = new("Isi permintaan terlalu besar.", "The request body is too large."),
        ["unsupported-media-type"] = new("Jenis media tidak didukung.", "Unsupported media type."),
        ["too-many-requests"] = new("Terlalu banyak permintaan; coba lagi nanti.", "Too many requests; retry later."),
        ["database-unavailable"] = new("Layanan sementara tidak tersedia; coba lagi nanti.", "The service is temporarily unavailable; retry later."),
        ["internal-error"] = new("Terjadi kesalahan tak terduga.", "An unexpected error occurred."),
        ["error"] = new("Permintaan gagal.", "The request failed."),
        ["validation-failed"] = new("Satu atau lebih isian tidak valid.", "One or more fields are not valid."),
        ["malformed-request"] = new("Permintaan tidak dapat dibaca.", "The request could not be read."),
        ["concurrent-modification"] = new("Catatan sedang diubah bersamaan; coba lagi.", "The record is being changed concurrently; retry."),
        ["duplicate-key"] = new("Catatan dengan kunci ini sudah ada.", "A record with this key already exists."),
        ["idempotency-key-reused"] = new("Idempotency-Key ini sudah dipakai untuk permintaan lain.", "This Idempotency-Key was used for another request."),
        ["idempotency-key-committed"] = new("Permintaan dengan Idempotency-Key ini sudah dicatat; jawabannya tidak dapat diulang.", "The request with this Idempotency-Key was already committed; its answer cannot be replayed."),
        ["idempotency-key-in-progress"] = new("Permintaan dengan Idempotency-Key ini masih diproses.", "A request with this Idempotency-Key is still being processed."),

        // Not found.
        ["appraisal-not-found"] = new("Penilaian kinerja tidak ditemukan.", "The appraisal was not found."),
        ["cycle-not-found"] = new("Siklus penilaian tidak ditemukan.", "The appraisal cycle was not found."),
        ["document-not-found"] = new("Dokumen tidak ditemukan.", "The document was not found."),
        ["employee-not-found"] = new("Pegawai tidak ditemukan.", "The employee was not found."),
        ["no-supervisor-on-date"] = new("Pegawai tidak memiliki atasan pada tanggal itu.", "The employee has no superior on that date."),
        ["not-employed-on-date"] = new("Pegawai tidak bekerja pada tanggal itu.", "The employee was not employed on that date."),
        ["not-recorded-yet"] = new("Belum ada catatan pada saat itu.", "Nothing was recorded yet at that time."),
        ["plan-not-found"] = new("SKP tidak ditemukan.", "The plan (SKP) was not found."),
        ["position-not-found"] = new("Jabatan tidak ditemukan.", "The position was not found."),
        ["projection-not-found"] = new("Model baca tidak dikenal.", "The read model is not known."),
        ["realisation-not-found"] = new("Realisasi tidak ditemukan.", "The realisation was not found."),
        ["training-budget-not-found"] = new("Anggaran pelatihan tidak ditemukan.", "The training budget was not found."),
        ["training-grant-not-found"] = new("Pengembangan kompetensi tidak ditemukan.", "The training grant was not found."),
        ["unit-not-found"] = new("Unit kerja tidak ditemukan.", "The unit was not found."),
        ["webhook-subscription-not-found"] = new("Langganan webhook tidak ditemukan.", "The webhook subscription was not found."),

        // Registry.
        ["nip-already-registered"] = new("NIP sudah terdaftar.", "The NIP is already registered."),
        ["unit-already-registered"] = new("Kode unit kerja sudah terdaftar.", "The unit code is already registered."),
        ["import-kind-mismatch"] = new("Berkas ini sudah diimpor sebagai jenis data lain.", "This file was already imported as another kind of data."),
        ["import-not-found"] = new("Impor tidak ditemukan.", "The import was not found."),
        ["unknown-unit"] = new("Unit kerja tidak dikenal.", "The unit is not known."),
        ["unknown-employee"] = new("Pegawai tidak dikenal.", "The employee is not known."),
        ["unknown-supervisor"] = new("Atasan yang disebut tidak terdaftar.", "The named superior is not registered."),
        ["unknown-acting-official"] = new("Pejabat Plt/Plh yang disebut tidak terdaftar.", "The named acting official is not registered."),
        ["unknown-head"] = new("Kepala unit yang disebut tidak terdaftar.", "The named unit head is not registered."),
        ["no-unit-head"] = new("Unit tujuan tidak memiliki kepala pada tanggal itu; sebutkan atasan baru.", "The new unit has no head on that date; name the new superior."),
        ["head-not-employed"] = new("Kepala unit tidak bekerja pada tanggal itu.", "The unit head is not employed on that date."),
        ["supervisor-not-employed"] = new("Atasan tidak bekerja pada tanggal itu.", "The superior is not employed on that date."),
        ["self-supervision"] = new("Pegawai tidak dapat menjadi atasannya sendiri.", "An employee cannot be their own superior."),
        ["supervision-cycle"] = new("Garis atasan akan berputar melingkar.", "The line of superiors would go round in a circle."),
        ["employment-ended"] = new("Masa kerja pegawai sudah berakhir.", "The employee's employment has ended."),
        ["effective-before-start"] = new("Tanggal berlaku sebelum mulai bekerja.", "The effective date is before the employment started."),
        ["golongan-invalid"] = new("Golongan tidak sesuai dengan jenis kepegawaian.", "The golongan does not fit the employment type."),
        ["not-asn"] = new("Hanya ASN yang dapat dicatat di sini.", "Only an ASN can be recorded here."),
        ["acting-for-self"] = new("Pejabat tidak dapat menjadi Plt/Plh bagi dirinya sendiri.", "An official cannot act for themself."),
        ["acting-period-invalid"] = new("Masa Plt/Plh tidak valid.", "The acting period is not valid."),
        ["contract-not-pppk"] = new("Perjanjian kerja hanya untuk PPPK.", "Work agreements are for PPPK only."),
        ["contract-overlaps"] = new("Perjanjian kerja tumpang tindih dengan perjanjian lain.", "The work agreement overlaps another."),
        ["contract-too-short"] = new("Perjanjian kerja terlalu singkat.", "The work agreement is too short."),
        ["position-already-registered"] = new("Kode jabatan sudah terdaftar.", "The position code is already registered."),
        ["position-not-vacant"] = new("Jabatan tidak memiliki formasi lowong.", "The position has no vacant seat."),
        ["position-retired"] = new("Jabatan sudah dihapus.", "The position is retired."),
        ["position-beyond-feed"] = new("Posisi melewati akhir umpan peristiwa.", "The position is beyond the end of the feed."),

        // Cycles and appraisals.
        ["cycle-closed"] = new("Siklus penilaian sudah ditutup.", "The appraisal cycle is closed."),
        ["cycle-phase"] = new("Tahap siklus penilaian tidak mengizinkan ini.", "The cycle's phase does not allow this."),
        ["cycle-overlaps"] = new("Periode siklus tumpang tindih dengan siklus lain sejenis.", "The cycle's period overlaps another of its kind."),
        ["cycle-period-invalid"] = new("Periode siklus tidak sesuai kalender.", "The cycle's period is not calendar-aligned."),
        ["cycle-scope-invalid"] = new("Cakupan unit siklus tidak valid.", "The cycle's unit scope is not valid."),
        ["cycle-name-taken"] = new("Nama siklus sudah dipakai.", "The cycle name is taken."),
        ["annual-cycle-mismatch"] = new("Siklus tahunan tidak cocok.", "The annual cycle does not match."),
        ["not-in-cycle-scope"] = new("Pegawai di luar cakupan siklus.", "The employee is outside the cycle's scope."),
        ["appraisal-already-open"] = new("Penilaian untuk pegawai ini sudah dibuka.", "An appraisal is already open for this employee."),
        ["appraisal-overlaps"] = new("Penilaian tumpang tindih dengan penilaian lain sejenis.", "The appraisal overlaps another of its kind."),
        ["appraisal-excused"] = new("Pegawai dibebaskan dari penilaian ini.", "The employee is excused from this appraisal."),
        ["appraisals-not-final"] = new("Masih ada penilaian yang belum final.", "Some appraisals are not final yet."),
        ["no-rater"] = new("Tidak ada pejabat penilai pada tanggal itu.", "There is no rater on that date."),
        ["no-approver"] = new("Tidak ada atasan pejabat penilai pada tanggal itu.", "There is no approver on that date."),
        ["rater-is-ratee"] = new("Pejabat penilai tidak dapat menilai dirinya sendiri.", "A rater cannot rate themself."),
        ["rater-not-employed"] = new("Pejabat penilai tidak bekerja pada tanggal itu.", "The rater is not employed on that date."),
        ["no-plan-draft"] = new("Belum ada draf SKP.", "There is no plan draft."),
        ["plan-invalid"] = new("SKP tidak valid.", "The plan is not valid."),
        ["plan-not-agreed"] = new("SKP belum disepakati.", "The plan is not agreed."),
        ["plan-not-submitted"] = new("SKP belum diajukan.", "The plan is not submitted."),
        ["plan-awaiting-agreement"] = new("SKP sedang menunggu persetujuan.", "The plan is awaiting agreement."),
        ["plan-version-mismatch"] = new("Versi SKP tidak cocok.", "The plan version does not match."),
        ["unknown-plan-row"] = new("Baris SKP tidak dikenal.", "The plan row is not known."),
        ["unknown-supported-rhk"] = new("RHK pimpinan yang diintervensi tidak dikenal.", "The leader's RHK supported is not known."),
        ["unknown-responsible"] = new("Penanggung jawab tidak dikenal.", "The responsible person is not known."),
        ["responsible-is-employee"] = new("Penanggung jawab tidak boleh pegawai itu sendiri.", "The responsible person cannot be the employee."),
        ["indicator-not-agreed"] = new("Indikator tidak ada dalam SKP yang disepakati.", "The indicator is not in the agreed plan."),
        ["achieved-in-future"] = new("Tanggal capaian di masa depan.", "The achievement date is in the future."),
        ["achieved-outside-period"] = new("Tanggal capaian di luar periode.", "The achievement date is outside the period."),
        ["date-outside-period"] = new("Tanggal di luar periode.", "The date is outside the period."),
        ["unknown-realisation"] = new("Realisasi tidak dikenal.", "The realisation is not known."),
        ["realisation-superseded"] = new("Realisasi sudah dikoreksi.", "The realisation was superseded."),
        ["realisation-indicator-changed"] = new("Indikator realisasi telah berubah.", "The realisation's indicator changed."),
        ["feedback-scores-invalid"] = new("Nilai umpan balik tidak valid.", "The feedback scores are not valid."),
        ["feedback-source-mismatch"] = new("Sumber umpan balik tidak sesuai dengan pemberinya.", "The feedback source does not fit its giver."),
        ["outside-feedback-window"] = new("Di luar masa umpan balik.", "Outside the feedback window."),
        ["public-feedback-limit-reached"] = new("Batas umpan balik publik tercapai.", "The public feedback limit was reached."),
        ["evaluation-awaiting-approval"] = new("Evaluasi sedang menunggu persetujuan.", "The evaluation is awaiting approval."),
        ["evaluation-final"] = new("Evaluasi sudah final.", "The evaluation is final."),
        ["evaluation-not-final"] = new("Evaluasi belum final.", "The evaluation is not final."),
        ["evaluation-not-submitted"] = new("Tidak ada evaluasi yang menunggu persetujuan.", "No evaluation is awaiting approval."),
        ["not-evaluated"] = new("Pegawai belum dievaluasi.", "The employee is not evaluated."),
        ["above-without-realisation"] = new("Hasil kerja di atas ekspektasi tanpa realisasi memerlukan unrealisedJustification.",
            "Results above expectations with nothing realised need unrealisedJustification."),
        ["results-follow-unit-result"] = new("Rating hasil kerja kepala unit mengikuti capaian kinerja unitnya.", "A unit head's results rating follows the unit's result."),
        ["unit-result-missing"] = new("Capaian kinerja unit belum dicatat.", "The unit's result is not recorded yet."),
        ["unit-head-evaluated"] = new("Kepala unit sudah dievaluasi.", "The unit head is already evaluated."),
        ["reason-required"] = new("Alasan (X-Reason) wajib diisi.", "A reason (X-Reason) is required."),
        ["no-distribution-breach"] = new("Tidak ada penyimpangan distribusi yang perlu dijustifikasi.", "There is no distribution breach to justify."),

        // Follow-up.
        ["award-already-granted"] = new("Penghargaan sudah diberikan.", "The award was already granted."),
        ["not-award-candidate"] = new("Pegawai bukan kandidat penghargaan.", "The employee is not an award candidate."),
        ["not-sangat-baik"] = new("Predikat final bukan Sangat Baik.", "The final predikat is not Sangat Baik."),
        ["not-flagged-for-support"] = new("Pegawai tidak ditandai perlu pembinaan.", "The employee is not flagged for support."),
        ["no-support-plan"] = new("Tidak ada rencana pembinaan.", "There is no support plan."),
        ["support-plan-completed"] = new("Rencana pembinaan sudah selesai.", "The support plan is completed."),
        ["follow-up-window-closed"] = new("Masa tindak lanjut sudah berakhir.", "The follow-up window is closed."),

        // Training.
        ["budget-exceeded"] = new("Anggaran pelatihan unit tidak mencukupi.", "The unit's training budget is exceeded."),
        ["budget-below-commitments"] = new("Anggaran tidak boleh di bawah dana yang sudah terikat.", "The budget cannot fall below its commitments."),
        ["training-budget-already-set"] = new("Anggaran pelatihan tahun ini sudah ditetapkan.", "The year's training budget is already set."),
        ["training-budget-not-set"] = new("Anggaran pelatihan tahun ini belum ditetapkan.", "The year's training budget is not set."),
        ["jp-cap-exceeded"] = new("Batas JP pengembangan kompetensi PPPK terlampaui.", "The PPPK's JP cap would be exceeded."),
        ["grant-already-approved"] = new("Pengembangan kompetensi sudah disetujui.", "The grant is already approved."),
        ["grant-not-approved"] = new("Pengembangan kompetensi belum disetujui.", "The grant is not approved."),
        ["grant-not-scheduled"] = new("Pengembangan kompetensi belum dijadwalkan.", "The grant is not scheduled."),
        ["grant-closed"] = new("Pengembangan kompetensi sudah ditutup.", "The grant is closed."),
        ["schedule-outside-year"] = new("Jadwal di luar tahun anggaran.", "The schedule is outside the budget year."),
        ["completed-before-start"] = new("Tanggal selesai sebelum tanggal mulai.", "Completed before it started."),
        ["grant-reference-unknown"] = new("Kelemahan, rencana pembinaan atau kebutuhan pelatihan yang dirujuk tidak ada pada pegawai ini.",
            "The weakness, support plan or training need cited is not one the employee has."),
        ["training-partner-not-found"] = new("Mitra kerja sama pelatihan tidak ditemukan.", "The training partner was not found."),
        ["partner-not-registered"] = new("Mitra kerja sama yang disebut belum terdaftar.", "The partner named is not registered."),
        ["partner-agreement-not-covering"] = new("Perjanjian kerja sama mitra tidak berlaku untuk tanggal pelatihan ini.",
            "The partner's agreement is not in force for the training's dates."),
        ["partner-offer-exhausted"] = new("Kuota kursi atau JP mitra untuk tahun ini sudah habis.", "The partner's seats or JP for the year are used up."),
        ["partner-offer-below-drawn"] = new("Tawaran baru mitra lebih kecil dari yang sudah dipakai pengembangan kompetensi.",
            "The amended offer is below what grants already take."),
        ["partner-agreement-ended"] = new("Perjanjian kerja sama mitra sudah diakhiri.", "The partner's agreement has been ended."),
        ["partner-end-outside-agreement"] = new("Tanggal berakhir harus dalam masa perjanjian kerja sama.", "The end date must lie within the agreement."),
        ["competency-not-developed"] = new("Kompetensi itu tidak dikembangkan oleh pelatihan ini.", "The training does not develop that competency."),
    };

    /// <summary>The title of a problem in the language asked for; the code itself when the catalogue lacks it (a unit test prevents that).</summary>
    public static string Title(string code, bool english) =>
        ByCode.TryGetValue(code, out var text) ? text.In(english) : code;

    public static string Language(bool english) => english ? "en" : "id";

    // The service runs with invariant globalization; Api.csproj allows cultures that are not predefined, or asking for
    // "id-ID" here would throw on every request (the test host, with ICU, never noticed).
    private static readonly System.Globalization.CultureInfo Indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The caller's language as the request's UI culture, so the validators' own field messages under <c>errors</c> (FluentValidation
    /// ships Indonesian texts for its built-in rules) speak the same language as the title; numbers and dates keep the invariant
    /// culture, which is <c>CurrentCulture</c>, not this one.
    /// </summary>
    public static IApplicationBuilder UseCallerLanguage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        System.Globalization.CultureInfo.CurrentUICulture = WantsEnglish(http.Request) ? English : Indonesian;
        await next(http);
    });

    /// <summary>English when the caller prefers it to Indonesian (<c>Accept-Language: en</c>, by quality); Indonesian otherwise.</summary>
    public static bool WantsEnglish(HttpRequest request)
    {
        var asked = request.GetTypedHeaders().AcceptLanguage;
        double Quality(string language) => asked
            .Where(l => l.Value.Value is { } v && (v.Equals(language, StringComparison.OrdinalIgnoreCase) || v.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)))
            .Select(l => l.Quality ?? 1).DefaultIfEmpty(0).Max();
        return Quality("en") > Quality("id");
    }
}
