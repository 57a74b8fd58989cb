using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>
/// A school of five (the kepala sekolah and four guru) through Semester I and II 2026; every expected figure is
/// worked out by hand in the comments from the scores and realisations sent (rule 2026.1, target 10 dokumen).
/// </summary>
public sealed class StrengthsAndWeaknessesApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateOnly FirstStart = new(2026, 1, 1);
    private static readonly DateOnly SecondStart = new(2026, 7, 1);
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private sealed record School(SchoolStaff Staff, string[] Guru, Guid First, Guid Second);

    /// <summary>Per appraisal of Semester II: the supervisor's Akuntabel and Kolaboratif scores and the realised dokumen.</summary>
    private static readonly (int Akuntabel, int Kolaboratif, decimal Realised)[] Second =
    [
        (5, 2, 12), // guru 1, the one judged
        (3, 4, 10),
        (4, 4, 9),
        (4, 5, 11),
        (2, 3, 8), // the kepala sekolah, rated by the kepala dinas
    ];

    [Fact]
    public async Task A_guru_s_strengths_and_weaknesses_carry_their_exact_evidence_and_the_unit_comparison()
    {
        var school = await TwoSemesters();
        var guru = school.Guru[0];

        var read = await (await _admin.GetAsync($"/api/v1/employees/{guru}/strengths-weaknesses")).Json();

        read["cycle"]!["id"].Str().Should().Be(school.Second.ToString(), "without a cycle the latest appraised one is judged");
        read["ruleVersion"].Str().Should().Be("2026.1");
        read["unitCode"].Str().Should().Be(school.Staff.Unit);
        read["unitAppraisals"]!.GetValue<int>().Should().Be(5);
        Claims(read["strengths"]).Should().Equal("Value:Akuntabel", "Aspect:Kuantitas", "Competency:TEKNIS.PEMBELAJARAN");
        Claims(read["weaknesses"]).Should().Equal("Value:Kolaboratif", "Competency:MANAJERIAL.INTEGRITAS");

        // Akuntabel across the unit 2, 3, 4, 4, 5: mean 3.6, Q1 3 (2nd), median 4, Q3 4 (4th); guru 1's 5 is at least 4.0 and Q3.
        var akuntabel = Claim(read["strengths"], "Akuntabel");
        akuntabel["figure"]!.GetValue<decimal>().Should().Be(5m);
        akuntabel["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("meets-strength-floor", "in-unit-upper-quartile");
        var source = akuntabel["value"]!["sources"]!.AsArray().Should().ContainSingle().Subject!;
        (source["source"].Str(), source["responses"]!.GetValue<int>(), source["mean"]!.GetValue<decimal>(), source["counted"]!.GetValue<bool>())
            .Should().Be(("Supervisor", 1, 5m, true));
        Unit(akuntabel).Should().Be((5, 3.6m, 3m, 4m, 4m));

        // Kolaboratif across the unit 2, 3, 4, 4, 5: guru 1's 2 is below the floor of 3.0 and below Q1 (3).
        var kolaboratif = Claim(read["weaknesses"], "Kolaboratif");
        kolaboratif["figure"]!.GetValue<decimal>().Should().Be(2m);
        kolaboratif["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("below-weakness-floor", "below-unit-lower-quartile");
        Unit(kolaboratif).Should().Be((5, 3.6m, 3m, 4m, 4m));

        // Kuantitas: 12/10 = 1.2 against the unit's 0.8, 0.9, 1.0, 1.1, 1.2 (mean 1.0, Q1 0.9, Q3 1.1).
        var kuantitas = Claim(read["strengths"], "Kuantitas");
        kuantitas["figure"]!.GetValue<decimal>().Should().Be(1.2m);
        var indicator = kuantitas["aspect"]!["indicators"]!.AsArray().Should().ContainSingle().Subject!;
        (indicator["indicatorKey"].Str(), indicator["target"]!.GetValue<decimal>(), indicator["realised"]!.GetValue<decimal>(), indicator["ratio"]!.GetValue<decimal>())
            .Should().Be(("R1.1", 10m, 12m, 1.2m));
        Unit(kuantitas).Should().Be((5, 1.0m, 0.9m, 1.0m, 1.1m));

        // Competencies against the 2026.1 standard (level 3 for every kind): 5 is two above, 2 is below.
        var integritas = Claim(read["weaknesses"], "MANAJERIAL.INTEGRITAS");
        integritas["competency"]!["known"]!["level"]!.GetValue<int>().Should().Be(2);
        integritas["competency"]!["known"]!["asOf"].Str().Should().Be("2026-03-12");
        integritas["competency"]!["known"]!["evidence"].Str().Should().Be("Assessment");
        integritas["competency"]!["required"]!.GetValue<int>().Should().Be(3);
        read["competencies"]!["positionKind"].Str().Should().Be("FungsionalKeahlian");
        read["competencies"]!["standardVersion"].Str().Should().Be("2026.1");
    }

    [Fact]
    public async Task The_trend_shows_each_semester_s_figure_oldest_first_and_an_earlier_cycle_can_be_judged_on_its_own()
    {
        var school = await TwoSemesters();
        var guru = school.Guru[0];
        var me = app.As(Roles.Employee, guru);

        var read = await (await me.GetAsync($"/api/v1/employees/{guru}/strengths-weaknesses?cycle={school.Second}")).Json();

        // Semester I: Akuntabel 3, Kolaboratif 4, 8 of 10 dokumen; Semester II: 5, 2, 12 of 10.
        Trend(read["trend"]!["values"], "Akuntabel").Should().Equal((school.First.ToString(), 3m), (school.Second.ToString(), 5m));
        Trend(read["trend"]!["values"], "Kolaboratif").Should().Equal((school.First.ToString(), 4m), (school.Second.ToString(), 2m));
        Trend(read["trend"]!["aspects"], "Kuantitas").Should().Equal((school.First.ToString(), 0.8m), (school.Second.ToString(), 1.2m));

        // Alone in Semester I's unit, nothing is compared: 0.8 is below the aspect floor 0.9, Kolaboratif 4 meets the floor, Akuntabel 3 is neither.
        var first = await (await me.GetAsync($"/api/v1/employees/{guru}/strengths-weaknesses?cycle={school.First}")).Json();
        first["unitAppraisals"]!.GetValue<int>().Should().Be(1);
        Claims(first["weaknesses"]).Should().Equal("Aspect:Kuantitas", "Competency:MANAJERIAL.INTEGRITAS");
        Claim(first["weaknesses"], "Kuantitas")["unit"].Should().BeNull();
        Claims(first["strengths"]).Should().Equal("Value:Kolaboratif", "Competency:TEKNIS.PEMBELAJARAN");
        Claim(first["strengths"], "Kolaboratif")["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("meets-strength-floor", "unit-too-small-to-compare");
    }

    [Fact]
    public async Task Rebuilding_the_appraisal_records_from_the_events_gives_the_same_answer()
    {
        var school = await TwoSemesters();
        var url = $"/api/v1/employees/{school.Guru[0]}/strengths-weaknesses";
        var before = await _admin.GetStringAsync(url);

        await app.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AppraisalRecord));
        await (await _admin.GetAsync(url)).ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
        var projection = typeof(Infrastructure.DependencyInjection).Assembly.GetType("Kinerja.Infrastructure.Appraisals.AppraisalRecordProjection", throwOnError: true)!;
        var daemon = await app.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(1), CancellationToken.None);

        (await _admin.GetStringAsync(url)).Should().Be(before);
    }

    [Fact]
    public async Task Public_feedback_counts_from_the_fifth_response_on()
    {
        var staff = await _admin.School();
        var cycle = await _admin.StartedCycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);
        await _admin.Open(cycle, staff.Guru);
        var portal = app.As(Roles.Portal, name: "portal-ambon");
        async Task Respond(int i) =>
            (await portal.Post($"/api/v1/cycles/{cycle}/appraisals/{staff.Guru}/public-feedback", new
            {
                submissionId = $"survei-{staff.Unit}-{i}",
                respondentGroup = "Parent",
                scores = new Dictionary<string, int> { ["BerorientasiPelayanan"] = 5 },
            })).StatusCode.Should().Be(HttpStatusCode.OK);
        var url = $"/api/v1/employees/{staff.Guru}/strengths-weaknesses";

        for (var i = 1; i <= 4; i++)
        {
            await Respond(i);
        }

        var four = await (await _admin.GetAsync(url)).Json();
        var pelayanan = four["figures"]!["values"]!.AsArray().Should().ContainSingle().Subject!;
        pelayanan["figure"].Should().BeNull();
        var notCounted = pelayanan["sources"]!.AsArray().Should().ContainSingle().Subject!;
        (notCounted["responses"]!.GetValue<int>(), notCounted["counted"]!.GetValue<bool>(), notCounted["notCounted"].Str())
            .Should().Be((4, false, "fewer than 5 public responses"));
        four["strengths"]!.AsArray().Should().BeEmpty();

        await Respond(5);

        var five = await (await _admin.GetAsync(url)).Json();
        var claim = Claim(five["strengths"], "BerorientasiPelayanan");
        claim["figure"]!.GetValue<decimal>().Should().Be(5m);
        claim["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("meets-strength-floor", "unit-too-small-to-compare");
        var counted = claim["value"]!["sources"]!.AsArray().Single()!;
        (counted["source"].Str(), counted["responses"]!.GetValue<int>(), counted["counted"]!.GetValue<bool>()).Should().Be(("Public", 5, true));
    }

    [Fact]
    public async Task An_unknown_employee_or_cycle_or_a_cycle_without_their_appraisal_is_404()
    {
        var staff = await _admin.School();
        var cycle = await _admin.Cycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);

        await (await _admin.GetAsync($"/api/v1/employees/{Given.PnsNip()}/strengths-weaknesses")).ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
        await (await _admin.GetAsync($"/api/v1/employees/{staff.Guru}/strengths-weaknesses")).ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
        await (await _admin.GetAsync($"/api/v1/employees/{staff.Guru}/strengths-weaknesses?cycle={cycle}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
        await (await _admin.GetAsync($"/api/v1/employees/{staff.Guru}/strengths-weaknesses?cycle={Guid.CreateVersion7()}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
    }

    [Fact]
    public async Task The_employee_their_current_supervisor_and_the_reading_roles_may_read_and_anyone_else_is_refused()
    {
        var staff = await _admin.School();
        var peer = await _admin.Employee(staff.Unit, supervisorNip: staff.KepalaSekolah);
        var cycle = await _admin.Cycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);
        await _admin.Open(cycle, staff.Guru);
        var url = $"/api/v1/employees/{staff.Guru}/strengths-weaknesses";

        foreach (var reader in new[]
        {
            app.As(Roles.Employee, staff.Guru), app.As(Roles.Supervisor, staff.KepalaSekolah), app.As(Roles.Auditor), app.As(Roles.Portal), _admin,
        })
        {
            (await reader.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await (await app.As(Roles.Employee, peer).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, staff.KepalaDinas).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, staff.KepalaSekolah).GetAsync($"/api/v1/employees/{staff.KepalaDinas}/strengths-weaknesses"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.Anonymous().GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_route_with_an_example()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        document.Should().Contain("/api/v1/employees/{nip}/strengths-weaknesses").And.Contain("in-unit-upper-quartile").And.Contain("below-required-level")
            .And.Contain("Self feedback is shown but does not count");
    }

    /// <summary>Semester I with guru 1 alone; Semester II with the kepala sekolah and four guru, scored as <see cref="Second"/>.</summary>
    private async Task<School> TwoSemesters()
    {
        var staff = await _admin.School();
        string[] guru = [staff.Guru, .. await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _admin.Employee(staff.Unit, supervisorNip: staff.KepalaSekolah)))];
        (await _admin.Post($"/api/v1/employees/{guru[0]}/competency-assessments", new
        {
            competencies = new[] { new { code = "TEKNIS.PEMBELAJARAN", level = 5 }, new { code = "MANAJERIAL.INTEGRITAS", level = 2 } },
            potential = "Menengah",
            assessedOn = "2026-03-12",
            assessedBy = "UPT Penilaian Kompetensi BKPSDM",
        })).StatusCode.Should().Be(HttpStatusCode.OK);

        var first = await _admin.Cycle(FirstStart, new DateOnly(2026, 6, 30), [staff.Unit], closesOn: new DateOnly(2026, 12, 31));
        await _admin.Open(first, guru[0]);
        await Semester(first, "2026-06-30", [(guru[0], staff.KepalaSekolah, 3, 4, 8)]);

        var second = await _admin.Cycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);
        (await _admin.Post($"/api/v1/cycles/{second}/appraisal-openings", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        string[] ratees = [.. guru, staff.KepalaSekolah];
        await Semester(second, "2026-09-01",
            [.. ratees.Select((nip, i) => (nip, i < 4 ? staff.KepalaSekolah : staff.KepalaDinas, Second[i].Akuntabel, Second[i].Kolaboratif, Second[i].Realised))]);
        return new School(staff, guru, first, second);
    }

    /// <summary>Plans agreed (target 10 dokumen), the cycle started, then the rater's scores and one realisation per appraisal.</summary>
    private async Task Semester(Guid cycle, string achievedOn, (string Nip, string Rater, int Akuntabel, int Kolaboratif, decimal Realised)[] appraisals)
    {
        foreach (var a in appraisals)
        {
            await _admin.AgreedPlan(_admin, $"/api/v1/cycles/{cycle}/appraisals/{a.Nip}", GivenCycles.PlanBody(10));
        }

        (await _admin.Post($"/api/v1/cycles/{cycle}/start", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var a in appraisals)
        {
            var appraisal = $"/api/v1/cycles/{cycle}/appraisals/{a.Nip}";
            var feedback = await _admin.Post($"{appraisal}/feedback", new
            {
                source = "Supervisor",
                scores = new Dictionary<string, int> { ["Akuntabel"] = a.Akuntabel, ["Kolaboratif"] = a.Kolaboratif },
                giverNip = a.Rater,
            });
            feedback.StatusCode.Should().Be(HttpStatusCode.OK, await feedback.Content.ReadAsStringAsync());
            var realisation = await _admin.Post($"{appraisal}/realisations", new
            {
                indicatorKey = "R1.1",
                value = a.Realised,
                achievedOn,
                evidence = new { link = "https://drive.ambon.go.id/sekolah/rekap.pdf", description = "Rekap perangkat ajar" },
            });
            realisation.StatusCode.Should().Be(HttpStatusCode.Created, await realisation.Content.ReadAsStringAsync());
        }
    }

    private static IEnumerable<string> Claims(JsonNode? claims) => claims!.AsArray().Select(c => $"{c!["kind"].Str()}:{c["subject"].Str()}");

    private static JsonNode Claim(JsonNode? claims, string subject) => claims!.AsArray().Single(c => c!["subject"].Str() == subject)!;

    private static (int, decimal, decimal, decimal, decimal) Unit(JsonNode claim)
    {
        var unit = claim["unit"]!;
        return (unit["employees"]!.GetValue<int>(), unit["mean"]!.GetValue<decimal>(), unit["lowerQuartile"]!.GetValue<decimal>(),
            unit["median"]!.GetValue<decimal>(), unit["upperQuartile"]!.GetValue<decimal>());
    }

    private static IEnumerable<(string, decimal?)> Trend(JsonNode? trends, string subject) =>
        trends!.AsArray().Single(t => (t!["value"] ?? t["aspect"]).Str() == subject)!["cycles"]!.AsArray()
            .Select(p => (p!["cycleId"].Str(), p["figure"]?.GetValue<decimal>()));
}
