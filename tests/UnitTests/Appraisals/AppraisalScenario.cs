using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.UnitTests.Cycles;

namespace Kinerja.UnitTests.Appraisals;

/// <summary>A guru in a semester cycle in progress, with a kepala sekolah as rater: the givens of the appraisal tests.</summary>
public static class AppraisalScenario
{
    public static readonly Guid CycleId = Guid.CreateVersion7();
    public static readonly Guid Guru = Guid.CreateVersion7();
    public static readonly Guid KepalaSekolah = Guid.CreateVersion7();
    public static readonly Guid Pengawas = Guid.CreateVersion7();
    public static readonly Guid Id = Appraisal.IdFor(CycleId, Guru);
    public static readonly DateTimeOffset Now = new(2026, 9, 15, 10, 0, 0, TimeSpan.FromHours(9));
    public static readonly DateOnly Today = new(2026, 9, 15);

    public static AppraisalCycle Cycle(CyclePhase phase = CyclePhase.InProgress) => new(
        CycleId, CycleKind.Semester, new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), true, [],
        new FeedbackWindow(new DateOnly(2026, 7, 1), new DateOnly(2027, 1, 15)), phase);

    public static RaterFacts Facts(Guid? rater = null) => new(
        Today, Guru, "198609262015051001", true, "DISDIK", true, rater ?? KepalaSekolah, "197501012000031002", true, Pengawas, "197001012000031001");

    public static Plan Plan(string target = "2") => new(
        [new PlanRow("R1", RowKind.Utama, "Terlaksananya pembelajaran", null,
            [new Indicator("R1.1", Aspect.Kuantitas, "Jumlah perangkat ajar", new Target(decimal.Parse(target), "dokumen"))])],
        new Dictionary<BerAkhlak, string> { [BerAkhlak.Kolaboratif] = "Aktif dalam KKG" });

    public static object Opened => AppraisalDecisions.Open(null, Id, Cycle(), Facts(), Now).Single();

    public static object[] Agreed => [Opened, new PlanDrafted(Id, 1, Plan(), Now), new PlanSubmitted(Id, 1, Now), new PlanAgreed(Id, 1, Acting.As("kepsek"), Now)];

    /// <summary>Agreed, with the one indicator realised on target: what an evaluation above expectations rests on.</summary>
    public static object[] Realised =>
        [.. Agreed, new RealisationRecorded(Id, Guid.CreateVersion7(), "R1.1", 2, new Evidence("https://drive.ambon.go.id/rpp.pdf", null, "RPP"), Today, Now)];

    public static Appraisal Given(params object[] events) => events.Aggregate((Appraisal?)null, Appraisal.Evolve)!;

    public static Appraisal Given(IEnumerable<object> first, params object[] more) => Given([.. first, .. more]);

    /// <summary>The public-feedback ledger after these events, as the standing keeps it.</summary>
    public static PublicFeedbackLedger Public(params object[] events) => PublicFeedbackLedger.Empty(Id).With(events);
}
