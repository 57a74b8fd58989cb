using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>
/// What an auditor samples with: late entries named by subject, unit, cycle and actor, and an appraisal as of an instant with its
/// realisations, feedback, score and the unit's result. Event timestamps come from the database's clock, past the fake clock's dates, so a
/// realisation achieved in August is recorded months late.
/// </summary>
public sealed class AuditReportsApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin, name: "sari.bkpsdm");
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task As_of_shows_the_realisations_feedback_score_and_unit_result_recorded_by_each_instant()
    {
        var (school, _, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), [school], kind: "Quarterly");
        var rater = app.As(Roles.Supervisor, kepalaSekolah);
        var me = app.As(Roles.Employee, guru);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        await _admin.Open(cycle, guru);
        await me.AgreedPlan(rater, appraisal);
        (await me.Post($"{appraisal}/realisations", Realisation(6))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await rater.Post($"{appraisal}/feedback", new { source = "Supervisor", scores = new Dictionary<string, int> { ["BerorientasiPelayanan"] = 4, ["Akuntabel"] = 5 }, comment = "Disiplin" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post($"{Routes.Cycles.Unit(cycle, school)}/result", new { result = "Baik" }, headers: ("X-Reason", "Atas nama Kepala Dinas, nota dinas 3/2026"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var history = (await (await _auditor.GetAsync(Routes.Audit.History(guru))).Json())["items"]!.AsArray();
        DateTimeOffset Recorded(string type) => history.Last(i => i!["type"].Str() == type)!["recordedAt"]!.GetValue<DateTimeOffset>();

        var agreed = (await AsOf(guru, Recorded("plan_agreed")))["appraisals"]!.AsArray().Single()!;
        (agreed["unitCode"].Str(), agreed["realisations"]!.AsArray().Count, agreed["feedback"]!.AsArray().Count).Should().Be((school, 0, 0));
        (agreed["score"]!["resultsPoints"]!.GetValue<decimal>(), agreed["unitResult"]).Should().Be((0m, null));

        var realised = (await AsOf(guru, Recorded("realisation_recorded")))["appraisals"]!.AsArray().Single()!;
        realised["realisations"]!.AsArray().Select(r => (r!["indicatorKey"].Str(), r["value"]!.GetValue<decimal>())).Should().Equal(("R1.1", 6m));
        realised["progress"]![0]!["realised"]!.GetValue<decimal>().Should().Be(6m);
        (realised["score"]!["resultsPoints"]!.GetValue<decimal>(), realised["score"]!["value"]!.GetValue<decimal>())
            .Should().Be((50m, 50m), "6 of 12 documents is half the target, and without feedback the score is the results alone");
        realised["feedback"]!.AsArray().Should().BeEmpty();

        var now = await AsOf(guru, DateTimeOffset.UtcNow.AddMinutes(1));
        var final = now["appraisals"]!.AsArray().Single()!;
        var supervisor = final["feedback"]!.AsArray().Single()!;
        (supervisor["source"].Str(), supervisor["count"]!.GetValue<int>()).Should().Be(("Supervisor", 1));
        supervisor["values"]!.AsArray().Select(v => (v!["value"].Str(), v["mean"]!.GetValue<decimal>())).Should().Equal(("BerorientasiPelayanan", 4m), ("Akuntabel", 5m));
        final["score"]!["behaviourPoints"]!.GetValue<decimal>().Should().Be(87.5m, "a mean of 4.5 on the 1-5 scale is 87.5 points");
        (final["unitResult"]!["unitCode"].Str(), final["unitResult"]!["result"].Str(), final["unitResult"]!["recordedBy"]!["name"].Str())
            .Should().Be((school, "Baik", "sari.bkpsdm"));
    }

    [Fact]
    public async Task Late_entries_name_their_subject_unit_and_cycle_and_filter_by_unit_cycle_and_actor()
    {
        var (school, _, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), [school], kind: "Quarterly");
        var appraisal = Routes.Appraisals.One(cycle, guru);
        await _admin.Open(cycle, guru);
        await app.As(Roles.Employee, guru).AgreedPlan(app.As(Roles.Supervisor, kepalaSekolah), appraisal);
        (await app.As(Roles.Employee, guru, name: "guru.sd").Post($"{appraisal}/realisations", Realisation(6))).StatusCode.Should().Be(HttpStatusCode.Created);
        var moved = await _admin.Employee("DISDIK", startDate: "2019-01-02");
        var target = "MUT" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await _admin.Unit(target, parentCode: "DISDIK");
        var mover = app.As(Roles.HrAdmin, name: "mutasi.bkpsdm");
        (await mover.Post(Routes.Employees.Transfers(moved), Given.TransferBody(target))).StatusCode.Should().Be(HttpStatusCode.OK);

        var inCycle = await Late($"cycle={cycle}");
        var realisation = inCycle.Single()!;
        (realisation["type"].Str(), realisation["subjectNip"].Str(), realisation["unitCode"].Str(), realisation["cycleId"]!.GetValue<Guid>(), realisation["userName"].Str())
            .Should().Be(("realisation_recorded", guru, school, cycle, "guru.sd"));

        var inUnit = await Late($"unit={target}");
        var transfer = inUnit.Single()!;
        (transfer["type"].Str(), transfer["subjectNip"].Str(), transfer["unitCode"].Str(), transfer["cycleId"])
            .Should().Be(("employee_transferred", moved, target, null), "a transfer is placed in the unit it moves the employee to on its effective date");

        (await Late("actor=mutasi.bkpsdm")).Select(i => (i!["type"].Str(), i["subjectNip"].Str())).Should().Equal(("employee_transferred", moved));
        (await Late($"actor=guru.sd&unit={target}")).Should().BeEmpty();
        var paged = await (await _auditor.GetAsync($"{Routes.Audit.LateEntries}?minDaysLate=30&limit=1&unit={school}")).Json();
        paged["items"]!.AsArray().Should().ContainSingle();
        await (await _auditor.GetAsync($"{Routes.Audit.LateEntries}?unit=not%20a%20unit")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    private static object Realisation(decimal value) => new
    {
        indicatorKey = "R1.1", value, achievedOn = "2026-08-31",
        evidence = new { link = "https://drive.ambon.go.id/sd/rpp.pdf", description = "RPP semester ganjil" },
    };

    private async Task<JsonArray> Late(string filter)
    {
        var response = await _auditor.GetAsync($"{Routes.Audit.LateEntries}?minDaysLate=30&limit=1000&{filter}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Json())["items"]!.AsArray();
    }

    private async Task<JsonObject> AsOf(string nip, DateTimeOffset at)
    {
        var response = await _auditor.GetAsync($"{Routes.Audit.AsOf(nip)}?at={Uri.EscapeDataString(at.ToString("O"))}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }
}
