using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>One public response as the portal sends it.</summary>
public sealed record PublicAnswer(string SubmissionId, string RespondentGroup, Dictionary<string, int> Scores, string Comment);

/// <summary>
/// Semester II 2026 at Dinas Pendidikan run once, from planning to closure: a kepala dinas, a kepala sekolah (SMPN 9), a guru
/// and a peer. The guru's plan is returned once, agreed, revised and agreed again; a realisation is corrected; the rater, the
/// peer and the guru give feedback and the portal sends 30 public responses at once; the kepala dinas records the school's result
/// and the kepala sekolah's rating follows it. What the service answered on the way is kept for the tests; reads that change with
/// closure are taken before it.
/// </summary>
public sealed class GivenASemester : ClockedApp, IAsyncLifetime
{
    public const string ReturnComments = "Target perangkat ajar terlalu rendah";

    public string School { get; private set; } = "";

    public string KepalaDinas { get; private set; } = "";

    public string KepalaSekolah { get; private set; } = "";

    public string Guru { get; private set; } = "";

    public string Peer { get; private set; } = "";

    public Guid CycleId { get; private set; }

    /// <summary>The guru's appraisal.</summary>
    public string Appraisal => Routes.Appraisals.One(CycleId, Guru);

    public HttpClient Me => As(Roles.Employee, Guru);

    public JsonObject Opening { get; private set; } = [];

    public JsonObject OpeningAgain { get; private set; } = [];

    /// <summary>The guru's appraisal as they read it right after opening.</summary>
    public JsonObject Opened { get; private set; } = [];

    public JsonObject Returned { get; private set; } = [];

    public JsonObject Agreed { get; private set; } = [];

    public JsonObject Revised { get; private set; } = [];

    public string FirstRealisation { get; private set; } = "";

    public string Correction { get; private set; } = "";

    public IReadOnlyList<PublicAnswer> PublicAnswers { get; private set; } = [];

    public IReadOnlyList<HttpStatusCode> PublicAnswered { get; private set; } = [];

    /// <summary>The appraisal as hr-admin and as the guru read it before closure.</summary>
    public JsonObject AsAdminReads { get; private set; } = [];

    public JsonObject AsGuruReads { get; private set; } = [];

    public JsonObject AgreedAtSchool { get; private set; } = [];

    public JsonObject Closed { get; private set; } = [];

    /// <summary>The kepala sekolah (head of the school) evaluated by the kepala dinas before the school's result, against it, then with it.</summary>
    public JsonObject HeadBeforeUnitResult { get; private set; } = [];

    public JsonObject HeadAgainstUnitResult { get; private set; } = [];

    public JsonObject HeadEvaluated { get; private set; } = [];

    public JsonObject SchoolDistribution { get; private set; } = [];

    /// <summary>SMPN 11, where a teacher moves on 1 September, its head and the Plh who acts for the head from 14 to 25 September.</summary>
    public string SecondSchool { get; private set; } = "";

    public string SecondHead { get; private set; } = "";

    public string Plh { get; private set; } = "";

    public string Moved { get; private set; } = "";

    /// <summary>The moved teacher's profile as the transfer answered.</summary>
    public JsonObject Transferred { get; private set; } = [];

    /// <summary>The former superior's attempt to agree the moved teacher's plan after the transfer.</summary>
    public HttpResponseMessage FormerRaterAgreement { get; private set; } = null!;

    public JsonObject ActingAgreement { get; private set; } = [];

    public JsonObject MovedAppraisal { get; private set; } = [];

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = As(Roles.HrAdmin);
        await Staff(admin);
        CycleId = await admin.Cycle(new(2026, 7, 1), new(2026, 12, 31), ["DISDIK"], closesOn: new DateOnly(2027, 1, 15), name: "Semester II 2026 Dinas Pendidikan");
        Opening = await (await admin.Post(Routes.Cycles.AppraisalOpenings(CycleId), new { })).Json();
        OpeningAgain = await (await admin.Post(Routes.Cycles.AppraisalOpenings(CycleId), new { })).Json();

        var ks = As(Roles.Supervisor, KepalaSekolah, name: "kepsek.smpn9");
        var me = Me;
        Opened = await (await me.GetAsync(Appraisal)).Json();
        await ks.AgreedPlan(As(Roles.Supervisor, KepalaDinas), Routes.Appraisals.One(CycleId, KepalaSekolah), GivenCycles.PlanBody(4));

        (await me.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody(10, supports: "R1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Post($"{Appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        Returned = await (await ks.Post($"{Appraisal}/plan/return", new { version = 1, comments = ReturnComments })).Json();
        (await me.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody(12, supports: "R1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Post($"{Appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        Agreed = await (await ks.Post($"{Appraisal}/plan/agreement", new { version = 1 })).Json();

        (await admin.Post(Routes.Cycles.Start(CycleId), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        Revised = await (await me.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody(14, supports: "R1"))).Json();
        (await me.Post($"{Appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ks.Post($"{Appraisal}/plan/agreement", new { version = 2 })).StatusCode.Should().Be(HttpStatusCode.OK);

        await Realisations(me);
        await Feedback(ks, "Supervisor", new() { ["BerorientasiPelayanan"] = 4, ["Akuntabel"] = 5 }, "Disiplin dan tepat waktu");
        await Feedback(As(Roles.Employee, Peer), "Peer", new() { ["Kolaboratif"] = 5, ["Harmonis"] = 4 }, "Rekan yang suportif");
        await Feedback(me, "Self", new() { ["BerorientasiPelayanan"] = 3, ["Kompeten"] = 4 }, null);
        await PublicFeedback();
        await TransferAndActingRater(admin);

        AsAdminReads = await (await admin.GetAsync(Appraisal)).Json();
        AsGuruReads = await (await me.GetAsync(Appraisal)).Json();
        AgreedAtSchool = await (await admin.GetAsync($"{Routes.Cycles.Appraisals(CycleId)}?unit={School}&status=Agreed")).Json();
        (await admin.Post(Routes.Cycles.Evaluation(CycleId), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await UnitHead(admin);
        await admin.ExcuseAll(CycleId);
        Closed = await (await admin.Post(Routes.Cycles.Closure(CycleId), new { })).Json();
    }

    /// <summary>
    /// A teacher transferred mid-semester to SMPN 11 without naming a superior reports to its head from then; the former
    /// superior can no longer agree the plan, and the Plh recorded for the head while the head is away agrees it.
    /// </summary>
    private async Task TransferAndActingRater(HttpClient admin)
    {
        SecondSchool = "SMPN11-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await admin.Unit(SecondSchool, parentCode: "DISDIK");
        SecondHead = await admin.Employee(SecondSchool, supervisorNip: KepalaDinas);
        (await admin.Post(Routes.Units.HeadAssignments(SecondSchool), new { headNip = SecondHead, effectiveOn = "2026-07-01" })).StatusCode.Should().Be(HttpStatusCode.OK);
        Plh = await admin.Employee(SecondSchool, supervisorNip: SecondHead);
        Moved = await admin.Employee(School, supervisorNip: KepalaSekolah);
        var position = new { title = "Guru Ahli Muda", kind = "FungsionalKeahlian", level = "AhliMuda" };
        Transferred = await (await admin.Post(Routes.Employees.Transfers(Moved), new { unitCode = SecondSchool, position, golongan = "III/c", effectiveOn = "2026-09-01" })).Json();

        await admin.Open(CycleId, Moved);
        var moved = As(Roles.Employee, Moved);
        var appraisal = Routes.Appraisals.One(CycleId, Moved);
        (await moved.Post($"{appraisal}/plan/drafts", GivenCycles.PlanBody(8))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await moved.Post($"{appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        FormerRaterAgreement = await As(Roles.Supervisor, KepalaSekolah, name: "kepsek.smpn9").Post($"{appraisal}/plan/agreement", new { version = 1 });

        (await admin.Post(Routes.Employees.ActingOfficials(SecondHead), new { actingNip = Plh, kind = "Plh", from = "2026-09-14", to = "2026-09-25" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        ActingAgreement = await (await As(Roles.Supervisor, Plh, name: "plh.smpn11").Post($"{appraisal}/plan/agreement", new { version = 1 })).Json();
        MovedAppraisal = await (await admin.GetAsync(appraisal)).Json();
    }

    /// <summary>The school under DISDIK, and an employee elsewhere whom a DISDIK cycle must leave out.</summary>
    private async Task Staff(HttpClient admin)
    {
        await admin.EnsureUnit("DISDIK");
        School = "SMPN9-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await admin.Unit(School, parentCode: "DISDIK");
        await admin.EnsureUnit("DINKES");
        await admin.Employee("DINKES");
        KepalaDinas = await admin.Employee("DISDIK");
        KepalaSekolah = await admin.Employee(School, supervisorNip: KepalaDinas);
        Guru = await admin.Employee(School, supervisorNip: KepalaSekolah);
        Peer = await admin.Employee(School, supervisorNip: KepalaSekolah);
        foreach (var (unit, head) in new[] { ("DISDIK", KepalaDinas), (School, KepalaSekolah) })
        {
            (await admin.Post(Routes.Units.HeadAssignments(unit), new { headNip = head, effectiveOn = "2026-01-02" })).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// The kepala dinas, head of DISDIK (the next-higher unit), records the school's result Baik; the kepala sekolah's rating hasil kerja
    /// follows it (PermenPANRB 6/2022): refused before the result and against it, then evaluated with it and approved by the Sekda.
    /// </summary>
    private async Task UnitHead(HttpClient admin)
    {
        var kd = As(Roles.Supervisor, KepalaDinas, name: "kadis");
        var head = Routes.Appraisals.One(CycleId, KepalaSekolah);
        object Rated(string results) => new { results, behaviour = "SesuaiEkspektasi", justification = "Sekolah mencapai sasaran semester" };
        HeadBeforeUnitResult = await (await kd.Post($"{head}/evaluation", Rated("SesuaiEkspektasi"))).Json();
        (await kd.Post($"{Routes.Cycles.Unit(CycleId, School)}/result", new { result = "Baik" })).StatusCode.Should().Be(HttpStatusCode.OK);
        HeadAgainstUnitResult = await (await kd.Post($"{head}/evaluation", Rated("DiAtasEkspektasi"))).Json();
        (await kd.Post($"{head}/evaluation", Rated("SesuaiEkspektasi"))).StatusCode.Should().Be(HttpStatusCode.OK);
        // The kepala dinas reports to the Sekda (in the Setda, outside this cycle), who approves: hr-admin approves for nobody.
        await admin.EnsureUnit("SETDA");
        var sekda = await admin.Employee("SETDA");
        (await admin.Post(Routes.Employees.SupervisorChanges(KepalaDinas), new { supervisorNip = sekda, effectiveOn = "2020-01-02" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await As(Roles.Supervisor, sekda, name: "sekda").Post($"{head}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        HeadEvaluated = await (await admin.GetAsync(head)).Json();
        SchoolDistribution = await (await admin.GetAsync($"{Routes.Cycles.Unit(CycleId, School)}/distribution")).Json();
    }

    /// <summary>A realisation with evidence, then a correction of it.</summary>
    private async Task Realisations(HttpClient me)
    {
        var evidence = new { link = "https://drive.ambon.go.id/smpn9/rpp-ganjil.pdf", description = "RPP semester ganjil" };
        var first = await me.Post($"{Appraisal}/realisations", new { indicatorKey = "R1.1", value = 6, evidence, achievedOn = "2026-08-31" });
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        FirstRealisation = (await first.Json())["id"].Str();
        var correction = await me.Post($"{Appraisal}/realisations/{FirstRealisation}/corrections",
            new { value = 7, evidence, achievedOn = "2026-08-31", reason = "Satu RPP terlewat dihitung" });
        correction.StatusCode.Should().Be(HttpStatusCode.Created);
        Correction = (await correction.Json())["id"].Str();
    }

    private async Task Feedback(HttpClient giver, string source, Dictionary<string, int> scores, string? comment)
    {
        var response = await giver.Post($"{Appraisal}/feedback", new { source, scores, comment });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>30 public responses pushed at once: 20 students scoring 1 to 5 four times over, 10 parents all 5; every third also Adaptif.</summary>
    private async Task PublicFeedback()
    {
        var portal = As(Roles.Portal, name: "portal-ambon");
        PublicAnswers = [.. Enumerable.Range(0, 30).Select(i => new PublicAnswer(
            $"survei-smpn9-{i:000}",
            i < 20 ? "Student" : "Parent",
            i % 3 == 0
                ? new Dictionary<string, int> { ["BerorientasiPelayanan"] = i < 20 ? i % 5 + 1 : 5, ["Adaptif"] = 5 - i % 4 }
                : new Dictionary<string, int> { ["BerorientasiPelayanan"] = i < 20 ? i % 5 + 1 : 5 },
            $"Komentar {i}"))];
        PublicAnswered = [.. (await Task.WhenAll(PublicAnswers.Select(a => portal.PostAsJsonAsync($"{Appraisal}/public-feedback", a)))).Select(r => r.StatusCode)];
    }
}
