using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>Semester II 2026 at Dinas Pendidikan: a kepala dinas, a kepala sekolah (SMPN 9) and two guru, seen through the API.</summary>
public sealed class SemesterApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateOnly PeriodStart = new(2026, 7, 1);
    private static readonly DateOnly PeriodEnd = new(2026, 12, 31);
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task A_semester_runs_from_planning_through_agreed_and_revised_plans_realisations_and_feedback_to_closure()
    {
        var (school, kepalaDinas, kepalaSekolah, guru, peer) = await Staff();
        var cycleId = await _admin.Cycle(PeriodStart, PeriodEnd, ["DISDIK"], closesOn: new DateOnly(2027, 1, 15), name: "Semester II 2026 Dinas Pendidikan");

        // Everyone in DISDIK and its schools gets an appraisal; the kepala dinas has no superior in the registry.
        var opening = await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycleId), new { })).Json();
        opening["opened"]!.GetValue<int>().Should().Be(3);
        opening["skipped"]!.AsArray().Should().ContainSingle(s => s!["nip"].Str() == kepalaDinas && s["code"].Str() == "no-rater");
        var again = await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycleId), new { })).Json();
        again["opened"]!.GetValue<int>().Should().Be(0);
        again["alreadyOpen"]!.GetValue<int>().Should().Be(3);

        var ks = app.As(Roles.Supervisor, kepalaSekolah, name: "kepsek.smpn9");
        var me = app.As(Roles.Employee, guru);
        var ksAppraisal = Routes.Appraisals.One(cycleId, kepalaSekolah);
        var appraisal = Routes.Appraisals.One(cycleId, guru);
        var details = await (await me.GetAsync(appraisal)).Json();
        details["rater"]!["nip"].Str().Should().Be(kepalaSekolah);
        details["approver"]!["nip"].Str().Should().Be(kepalaDinas);
        details["status"].Str().Should().Be("Opened");

        // The kepala sekolah's own plan, agreed by the kepala dinas, is what the guru's plan cascades from.
        await ks.AgreedPlan(app.As(Roles.Supervisor, kepalaDinas), ksAppraisal, GivenCycles.PlanBody(4));

        // Version 1: drafted, submitted, returned once with comments, redrafted, agreed.
        (await me.Post($"{appraisal}/plan/drafts", GivenCycles.PlanBody(10, supports: "R1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Post($"{appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var returned = await (await ks.Post($"{appraisal}/plan/return", new { version = 1, comments = "Target perangkat ajar terlalu rendah" })).Json();
        returned["status"].Str().Should().Be("Returned");
        (await me.Post($"{appraisal}/plan/drafts", GivenCycles.PlanBody(12, supports: "R1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Post($"{appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var agreed = await (await ks.Post($"{appraisal}/plan/agreement", new { version = 1 })).Json();
        agreed["status"].Str().Should().Be("Agreed");
        agreed["agreedBy"].Str().Should().Be("kepsek.smpn9");
        agreed["returns"]![0]!["comments"].Str().Should().Be("Target perangkat ajar terlalu rendah");
        agreed["rows"]![0]!["supports"]!["raterNip"].Str().Should().Be(kepalaSekolah);
        agreed["rows"]![0]!["supports"]!["rhk"].Str().Should().Be("Terlaksananya pembelajaran yang berpusat pada murid");

        (await _admin.Post(Routes.Cycles.Start(cycleId), new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        // Version 2: a revision mid-semester needs agreement again; version 1 stays as agreed.
        var revised = await (await me.Post($"{appraisal}/plan/drafts", GivenCycles.PlanBody(14, supports: "R1"))).Json();
        revised["version"]!.GetValue<int>().Should().Be(2);
        (await me.Post($"{appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ks.Post($"{appraisal}/plan/agreement", new { version = 2 })).StatusCode.Should().Be(HttpStatusCode.OK);
        var v1 = await (await me.GetAsync($"{appraisal}/plan/versions/1")).Json();
        v1["status"].Str().Should().Be("Agreed");
        v1["rows"]![0]!["indicators"]![0]!["target"]!["value"]!.GetValue<decimal>().Should().Be(12);
        var v2 = await (await me.GetAsync($"{appraisal}/plan/versions/2")).Json();
        v2["rows"]![0]!["indicators"]![0]!["target"]!["value"]!.GetValue<decimal>().Should().Be(14);

        // Realisations with evidence, and a correction that names the one it corrects.
        var evidence = new { link = "https://drive.ambon.go.id/smpn9/rpp-ganjil.pdf", description = "RPP semester ganjil" };
        var first = await me.Post($"{appraisal}/realisations", new { indicatorKey = "R1.1", value = 6, evidence, achievedOn = "2026-08-31" });
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var firstId = (await first.Json())["id"].Str();
        var correction = await me.Post($"{appraisal}/realisations/{firstId}/corrections",
            new { value = 7, evidence, achievedOn = "2026-08-31", reason = "Satu RPP terlewat dihitung" });
        correction.StatusCode.Should().Be(HttpStatusCode.Created);
        var correctionId = (await correction.Json())["id"].Str();
        (await (await me.GetAsync($"{appraisal}/realisations/{firstId}")).Json())["correctedBy"].Str().Should().Be(correctionId);

        // Feedback from the rater, a peer and the employee, and 30 public responses pushed at once by the portal.
        await Feedback(ks, appraisal, "Supervisor", new() { ["BerorientasiPelayanan"] = 4, ["Akuntabel"] = 5 }, "Disiplin dan tepat waktu");
        await Feedback(app.As(Roles.Employee, peer), appraisal, "Peer", new() { ["Kolaboratif"] = 5, ["Harmonis"] = 4 }, "Rekan yang suportif");
        await Feedback(me, appraisal, "Self", new() { ["BerorientasiPelayanan"] = 3, ["Kompeten"] = 4 }, null);
        var portal = app.As(Roles.Portal, name: "portal-ambon");
        var answers = Enumerable.Range(0, 30).Select(i => new
        {
            submissionId = $"survei-smpn9-{i:000}",
            respondentGroup = i < 20 ? "Student" : "Parent",
            scores = i % 3 == 0
                ? new Dictionary<string, int> { ["BerorientasiPelayanan"] = i < 20 ? i % 5 + 1 : 5, ["Adaptif"] = 5 - i % 4 }
                : new Dictionary<string, int> { ["BerorientasiPelayanan"] = i < 20 ? i % 5 + 1 : 5 },
            comment = $"Komentar {i}",
        }).ToList();
        var responses = await Task.WhenAll(answers.Select(a => portal.PostAsJsonAsync($"{appraisal}/public-feedback", a)));
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);

        // The read model's counts and means are exactly what was sent.
        var read = await (await _admin.GetAsync(appraisal)).Json();
        read["status"].Str().Should().Be("Agreed");
        read["agreedVersion"]!.GetValue<int>().Should().Be(2);
        read["planVersions"]!.AsArray().Select(v => v!["status"].Str()).Should().Equal("Agreed", "Agreed");
        var progress = read["progress"]!.AsArray().Single()!;
        progress["realised"]!.GetValue<decimal>().Should().Be(7);
        progress["percentOfTarget"]!.GetValue<decimal>().Should().Be(50.0m);
        read["realisations"]!.AsArray().Should().HaveCount(2);

        var feedback = read["feedback"]!.AsArray().ToDictionary(s => s!["source"].Str());
        feedback.Keys.Should().Equal("Supervisor", "Peer", "Self", "Public");
        Mean(feedback["Supervisor"]!, "Akuntabel").Should().Be((1, 5m));
        Mean(feedback["Peer"]!, "Kolaboratif").Should().Be((1, 5m));
        Mean(feedback["Self"]!, "BerorientasiPelayanan").Should().Be((1, 3m));
        var publicSummary = feedback["Public"]!;
        publicSummary["count"]!.GetValue<int>().Should().Be(30);
        var pelayanan = answers.Select(a => a.scores["BerorientasiPelayanan"]).ToList();
        Mean(publicSummary, "BerorientasiPelayanan").Should().Be((30, Math.Round((decimal)pelayanan.Sum() / 30, 2)));
        Mean(publicSummary, "BerorientasiPelayanan").Mean.Should().Be(3.67m, "students scored 1 to 5 four times over, parents all 5");
        var adaptif = answers.Where(a => a.scores.ContainsKey("Adaptif")).Select(a => a.scores["Adaptif"]).ToList();
        Mean(publicSummary, "Adaptif").Should().Be((adaptif.Count, Math.Round((decimal)adaptif.Sum() / adaptif.Count, 2)));
        publicSummary["respondentGroups"]!.AsArray().Select(g => (g!["group"].Str(), g["count"]!.GetValue<int>()))
            .Should().Equal(("Student", 20), ("Parent", 10));
        publicSummary["latestComments"]!.AsArray().Should().HaveCount(5);

        // Public comments reach the employee only in aggregate.
        var own = await (await me.GetAsync(appraisal)).Json();
        own["feedback"]!.AsArray().Single(s => s!["source"].Str() == "Public")!["latestComments"].Should().BeNull();
        own["feedback"]!.AsArray().Single(s => s!["source"].Str() == "Supervisor")!["latestComments"]![0]!["comment"].Str()
            .Should().Be("Disiplin dan tepat waktu");

        // The list of the school's agreed appraisals, in NIP order.
        var agreedAtSchool = await (await _admin.GetAsync($"{Routes.Cycles.Appraisals(cycleId)}?unit={school}&status=Agreed")).Json();
        agreedAtSchool["items"]!.AsArray().Select(i => i!["nip"].Str()).Should().Equal(new[] { guru, kepalaSekolah }.Order(StringComparer.Ordinal));

        (await _admin.Post(Routes.Cycles.Evaluation(cycleId), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await _admin.ExcuseAll(cycleId);
        var closed = await (await _admin.Post(Routes.Cycles.Closure(cycleId), new { })).Json();
        closed["history"]!.AsArray().Select(h => h!["phase"].Str()).Should().Equal("Planning", "InProgress", "Evaluation", "Closed");
    }

    [Fact]
    public async Task The_appraisal_list_pages_in_NIP_order_and_filters_by_unit_and_status()
    {
        await _admin.EnsureUnit("DISDIK");
        var school = "SDN5-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await _admin.Unit(school, parentCode: "DISDIK");
        var kepalaSekolah = await _admin.Employee("DISDIK");
        var guru = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            guru.Add(await _admin.Employee(school, supervisorNip: kepalaSekolah));
        }

        var cycleId = await _admin.Cycle(PeriodStart, PeriodEnd, [school]);
        (await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycleId), new { })).Json())["opened"]!.GetValue<int>().Should().Be(5);
        var me = app.As(Roles.Employee, guru[0]);
        await me.AgreedPlan(app.As(Roles.Supervisor, kepalaSekolah), Routes.Appraisals.One(cycleId, guru[0]));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await _admin.GetAsync($"{Routes.Cycles.Appraisals(cycleId)}?unit={school}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).Json();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["nip"].Str()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        seen.Should().Equal(guru.Order(StringComparer.Ordinal));
        var opened = await (await _admin.GetAsync($"{Routes.Cycles.Appraisals(cycleId)}?status=Opened")).Json();
        opened["items"]!.AsArray().Select(i => i!["nip"].Str()).Should().Equal(guru.Skip(1).Order(StringComparer.Ordinal));
        await (await _admin.GetAsync($"{Routes.Cycles.Appraisals(cycleId)}?cursor=bm9wZQ")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Cycles_are_listed_newest_period_first_and_the_cursor_visits_each_once()
    {
        foreach (var month in new[] { 1, 7, 4 })
        {
            await _admin.Cycle(new DateOnly(2025, month, 1), new DateOnly(2025, month, 28));
        }

        var all = (await (await _admin.GetAsync($"{Routes.Cycles.All}?limit=500")).Json())["items"]!.AsArray().Select(c => c!["periodStart"].Str()).ToList();
        all.Should().BeInDescendingOrder(StringComparer.Ordinal).And.Contain(["2025-07-01", "2025-04-01", "2025-01-01"]);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _admin.GetAsync($"{Routes.Cycles.All}?limit=1{(cursor is null ? "" : "&cursor=" + cursor)}")).Json();
            seen.AddRange(page["items"]!.AsArray().Select(c => c!["periodStart"].Str()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        seen.Should().Equal(all);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_cycle_and_appraisal_routes_with_examples()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        document.Should().Contain("/api/v1/cycles/{id}/closure").And.Contain("/api/v1/cycles/{cycleId}/appraisals/{nip}/plan/versions/{version}")
            .And.Contain("/api/v1/cycles/{cycleId}/appraisals/{nip}/public-feedback").And.Contain("survei-smpn9-2026-000123")
            .And.Contain("Semester II 2026 Dinas Pendidikan");
    }

    private async Task<(string School, string KepalaDinas, string KepalaSekolah, string Guru, string Peer)> Staff()
    {
        await _admin.EnsureUnit("DISDIK");
        var school = "SMPN9-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await _admin.Unit(school, parentCode: "DISDIK");
        await _admin.EnsureUnit("DINKES");
        await _admin.Employee("DINKES");
        var kepalaDinas = await _admin.Employee("DISDIK");
        var kepalaSekolah = await _admin.Employee(school, supervisorNip: kepalaDinas);
        var guru = await _admin.Employee(school, supervisorNip: kepalaSekolah);
        var peer = await _admin.Employee(school, supervisorNip: kepalaSekolah);
        return (school, kepalaDinas, kepalaSekolah, guru, peer);
    }

    private static async Task Feedback(HttpClient giver, string appraisal, string source, Dictionary<string, int> scores, string? comment)
    {
        var response = await giver.Post($"{appraisal}/feedback", new { source, scores, comment });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static (int Count, decimal Mean) Mean(System.Text.Json.Nodes.JsonNode source, string value)
    {
        var tally = source["values"]!.AsArray().Single(v => v!["value"].Str() == value)!;
        return (tally["count"]!.GetValue<int>(), tally["mean"]!.GetValue<decimal>());
    }
}
