using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Evaluations;

/// <summary>
/// A school of 20 (the kepala sekolah, its head, and 19 guru) through the unit's result, the head's results rating following it, evaluation,
/// approval, a distribution breach with its justification, award candidates, an award, a support plan, and closure, after which every
/// appraisal and unit write is refused.
/// </summary>
public sealed class UnitDistributionApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Rated(string results, string behaviour) => new { results, behaviour, justification = "Sesuai capaian SKP dan umpan balik" };

    [Fact]
    public async Task A_unit_of_20_is_evaluated_approved_flagged_outside_the_guidance_justified_and_closed_after_which_every_write_is_refused()
    {
        await _admin.EnsureUnit("DISDIK");
        var school = "SD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await _admin.Unit(school, parentCode: "DISDIK");
        var sekda = await _admin.Employee("DISDIK");
        var kepalaDinas = await _admin.Employee("DISDIK", supervisorNip: sekda);
        var kepalaSekolah = await _admin.Employee(school, supervisorNip: kepalaDinas);
        var guru = new List<string>();
        for (var i = 0; i < 19; i++)
        {
            guru.Add(await _admin.Employee(school, supervisorNip: kepalaSekolah));
        }

        (await _admin.Post(Routes.Units.HeadAssignments(school), new { headNip = kepalaSekolah, effectiveOn = "2026-01-02" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        (await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycle), new { })).Json())["opened"]!.GetValue<int>().Should().Be(20);
        var ks = app.As(Roles.Supervisor, kepalaSekolah);
        var kd = app.As(Roles.Supervisor, kepalaDinas);
        string Appraisal(string nip) => Routes.Appraisals.One(cycle, nip);
        await ks.AgreedPlan(kd, Appraisal(kepalaSekolah));
        foreach (var nip in guru)
        {
            await app.As(Roles.Employee, nip).AgreedPlan(ks, Appraisal(nip));
        }

        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        // Scores are the results component alone (no feedback): 100 × realised / 12 dokumen.
        var realised = new[] { 14, 13, 12, 11, 10 };
        for (var i = 0; i < realised.Length; i++)
        {
            (await app.As(Roles.Employee, guru[i]).Post($"{Appraisal(guru[i])}/realisations", new
            {
                indicatorKey = "R1.1", value = realised[i], achievedOn = "2026-09-01", evidence = new { link = "https://drive.ambon.go.id/rpp.pdf", description = "RPP" },
            })).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var distributionUrl = $"{Routes.Cycles.Unit(cycle, school)}/distribution";
        // DISDIK has no head in the registry: hr-admin records the school's result on their behalf, saying so.
        (await _admin.Post($"{Routes.Cycles.Unit(cycle, school)}/result", new { result = "Baik" }, headers: ("X-Reason", "Atas nama Kepala Dinas, nota dinas 12/2027")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await kd.Post($"{Appraisal(kepalaSekolah)}/evaluation", Rated("SesuaiEkspektasi", "DiAtasEkspektasi"))).StatusCode.Should().Be(HttpStatusCode.OK);
        // The rater's superior approves; hr-admin no longer approves for anyone.
        (await app.As(Roles.Supervisor, sekda).Post($"{Appraisal(kepalaSekolah)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var recorded = await (await _admin.GetAsync(distributionUrl)).Json();
        recorded["result"].Str().Should().Be("Baik");
        (recorded["resultSource"]!["headNip"].Str(), recorded["resultSource"]!["headResults"].Str(), recorded["resultSource"]!["reason"].Str())
            .Should().Be((kepalaSekolah, "SesuaiEkspektasi", "Atas nama Kepala Dinas, nota dinas 12/2027"));

        // guru 0-1 Sangat Baik, 2-16 Baik, 17-18 Butuh Perbaikan; with the kepala sekolah: 2 Sangat Baik, 16 Baik, 2 Butuh Perbaikan.
        for (var i = 0; i < guru.Count; i++)
        {
            var rating = i < 2 ? Rated("DiAtasEkspektasi", "DiAtasEkspektasi") : i < 17 ? Rated("SesuaiEkspektasi", "SesuaiEkspektasi") : Rated("DiBawahEkspektasi", "SesuaiEkspektasi");
            (await ks.Post($"{Appraisal(guru[i])}/evaluation", rating)).StatusCode.Should().Be(HttpStatusCode.OK);
            if (i == 0)
            {
                var submitted = await (await _admin.GetAsync(distributionUrl)).Json();
                (submitted["final"]!.GetValue<int>(), submitted["counts"]!["SangatBaik"]!.GetValue<int>(), submitted["counts"]!["Baik"]!.GetValue<int>())
                    .Should().Be((1, 0, 1), "an evaluation still with the approver may change: only the kepala sekolah's approved one counts");
            }

            (await kd.Post($"{Appraisal(guru[i])}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var flagged = await (await _admin.GetAsync(distributionUrl)).Json();
        flagged["final"]!.GetValue<int>().Should().Be(20);
        (flagged["counts"]!["SangatBaik"]!.GetValue<int>(), flagged["counts"]!["Baik"]!.GetValue<int>(), flagged["counts"]!["ButuhPerbaikan"]!.GetValue<int>())
            .Should().Be((2, 16, 2));
        flagged["breaches"]!.AsArray().Select(b => b.Str()).Should().Equal("at most 70% Baik");
        flagged["justified"]!.GetValue<bool>().Should().BeFalse();

        var justified = await (await _admin.Post($"{distributionUrl}/justification", new { justification = "Sekolah penggerak; rapor pendidikan naik" })).Json();
        justified["justified"]!.GetValue<bool>().Should().BeTrue();
        justified["justifications"]![0]!["guidanceVersion"].Str().Should().Be("SE MenPANRB 03/2023");

        // 20 final appraisals: the top is 4 (a fifth) in the ranking's order (ADR 073), predikat first: guru 0 and 1 (Sangat Baik),
        // then the Baik by score down to guru 3's 91.67; the kepala sekolah (Baik, score 0) is not in it. The Sangat Baik are candidates.
        var candidates = await (await _admin.GetAsync($"{Routes.Cycles.Unit(cycle, school)}/award-candidates")).Json();
        (candidates["topCount"]!.GetValue<int>(), candidates["boundaryScore"]!.GetValue<decimal>()).Should().Be((4, 91.67m));
        candidates["items"]!.AsArray().Select(c => (c!["nip"].Str(), c["rankInUnit"]!.GetValue<int>(), c["score"]!["value"]!.GetValue<decimal>()))
            .Should().Equal((guru[0], 1, 116.67m), (guru[1], 2, 108.33m));
        var ranking = await (await _admin.GetAsync($"{Routes.Cycles.Ranking(cycle)}?unit={school}&limit=3")).Json();
        ranking["items"]!.AsArray().Select(r => (r!["nip"].Str(), r["rank"]!.GetValue<int>())).Should().Equal((guru[0], 1), (guru[1], 2), (guru[2], 3));
        (await _admin.Post(Routes.Employees.Awards(guru[0]), new { cycleId = cycle, kind = "Piagam", citation = "Guru berprestasi", grantedOn = "2026-12-20" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var supportNeeds = System.Text.Json.Nodes.JsonNode.Parse(await (await _admin.GetAsync($"{Routes.Cycles.Unit(cycle, school)}/support-needs")).Content.ReadAsStringAsync())!;
        supportNeeds.AsArray().Select(n => n!["nip"].Str()).Should().BeEquivalentTo(guru[17], guru[18]);
        var plan = new { cycleId = cycle, kinds = new[] { "Coaching" }, actions = new[] { "Supervisi kelas dua pekanan" }, responsibleNip = kepalaSekolah, reviewOn = "2027-03-31" };
        (await _admin.Post(Routes.Employees.SupportPlans(guru[17]), plan)).StatusCode.Should().Be(HttpStatusCode.OK);
        // The head who reviews the plans reads whom they concern by name, and which have one.
        var named = await (await ks.GetAsync($"{Routes.Cycles.Unit(cycle, school)}/support-needs")).Content.ReadAsStringAsync();
        System.Text.Json.Nodes.JsonNode.Parse(named)!.AsArray().OrderBy(n => n!["nip"].Str() == guru[17] ? 0 : 1)
            .Select(n => (n!["nip"].Str(), n["fullName"].Str(), n["supportPlan"].Str(), n["reviewOn"]?.GetValue<string>()))
            .Should().Equal((guru[17], "Pegawai " + guru[17][^4..], "Recorded", "2027-03-31"), (guru[18], "Pegawai " + guru[18][^4..], "None", null));

        (await _admin.Post(Routes.Cycles.Closure(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await app.EventCount();
        var writes = new (HttpClient Client, string Url, object Body)[]
        {
            (ks, $"{Appraisal(guru[1])}/evaluation", Rated("DiBawahEkspektasi", "SesuaiEkspektasi")),
            (kd, $"{Appraisal(guru[1])}/evaluation/approval", new { }),
            (kd, $"{Appraisal(guru[1])}/evaluation/return", new { comments = "Ulang" }),
            (_admin, $"{Appraisal(guru[1])}/excusal", new { reason = "Cuti" }),
            (_admin, $"{Routes.Cycles.Unit(cycle, school)}/result", new { result = "Istimewa" }),
            (_admin, $"{distributionUrl}/justification", new { justification = "Lagi" }),
        };
        foreach (var (client, url, body) in writes)
        {
            await (await client.Post(url, body)).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        }

        (await app.EventCount()).Should().Be(before);
        (await (await _admin.GetAsync(Appraisal(guru[1]))).Json())["evaluation"]!["predikat"].Str().Should().Be("SangatBaik");
        // Awards and support plans (tindak lanjut) go on after closing, within a window: FollowUpWindowApiTests.
    }

    [Fact]
    public async Task A_unit_result_outside_the_five_is_400_a_justification_without_a_breach_is_409_and_employees_do_not_read_the_distribution()
    {
        await _admin.EnsureUnit("DISDIK");
        var unit = "SD" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await _admin.Unit(unit, parentCode: "DISDIK");
        var employee = await _admin.Employee(unit);
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [unit]);
        var before = await app.EventCount();

        await (await _admin.Post($"{Routes.Cycles.Unit(cycle, unit)}/result", new { result = "Luar Biasa" })).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        await (await _admin.Post($"{Routes.Cycles.Unit(cycle, unit)}/distribution/justification", new { justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unit-result-missing");
        (await app.EventCount()).Should().Be(before);

        (await _admin.Post($"{Routes.Cycles.Unit(cycle, unit)}/result", new { result = "Istimewa" }, headers: ("X-Reason", "Atas nama Kepala Dinas")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        before = await app.EventCount();
        (await _admin.Post($"{Routes.Cycles.Unit(cycle, unit)}/result", new { result = "Istimewa" }, headers: ("X-Reason", "Atas nama Kepala Dinas")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _admin.Post($"{Routes.Cycles.Unit(cycle, unit)}/distribution/justification", new { justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "no-distribution-breach");
        var withinGuidance = await (await _admin.GetAsync($"{Routes.Cycles.Unit(cycle, unit)}/distribution")).Json();
        withinGuidance["breaches"]!.AsArray().Should().BeEmpty();
        withinGuidance["justified"].Should().BeNull("with no breach there is nothing to justify, which is not the same as a breach left unjustified");
        await (await app.As(Roles.Employee, employee).GetAsync($"{Routes.Cycles.Unit(cycle, unit)}/distribution")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_head_or_one_assigned_by_a_supervisor_is_refused_and_an_assigned_head_is_listed_with_the_date()
    {
        var (school, _, kepalaSekolah, _) = await _admin.School();
        var before = await app.EventCount();
        await (await _admin.Post(Routes.Units.HeadAssignments(school), new { headNip = Given.PnsNip(), effectiveOn = "2026-01-02" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-head");
        await (await app.As(Roles.Supervisor, kepalaSekolah).Post(Routes.Units.HeadAssignments(school), new { headNip = kepalaSekolah, effectiveOn = "2026-01-02" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
        var unit = await (await _admin.Post(Routes.Units.HeadAssignments(school), new { headNip = kepalaSekolah, effectiveOn = "2026-01-02" })).Json();
        unit["heads"]!.AsArray().Select(h => (h!["headNip"].Str(), h["effectiveFrom"].Str())).Should().Equal((kepalaSekolah, "2026-01-02"));
    }
}
