using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>
/// Hand-computed for the seven guru of <see cref="TalentScenario"/> (levels PEMBELAJARAN/KERJASAMA/INTEGRITAS):
/// G1 4/3/4 Tinggi, results above (box 9, Sangat Baik); G2 3/3/4 and G3 3/4/5 Menengah, results meet (box 5, Baik);
/// G4 5/2/4 Tinggi, results below (box 6, Butuh Perbaikan); G5 3/3/2 Rendah, results above (box 4, Sangat Baik);
/// G6 not assessed (Baik); G7 3/3/4 Rendah, results meet (box 2, Baik).
/// </summary>
public sealed class TalentApiTests(TalentScenario app) : IClassFixture<TalentScenario>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private string Nip(string guru) => app.Gurus[guru].Nip;

    private string[] ByNip(params string[] gurus) => [.. gurus.Select(Nip).Order(StringComparer.Ordinal)];

    private static string[] Nips(JsonNode? items) => [.. items!.AsArray().Select(i => i!["nip"].Str())];

    private async Task<string> Vacancy(string suffix, object[] requirements, int vacancies = 1)
    {
        var code = $"{app.School}-{suffix}";
        var created = await _admin.Post(Routes.Positions.All, new { code, name = "Jabatan " + suffix, unitCode = app.School, kind = "Pengawas", requirements, vacancies });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return code;
    }

    private static readonly object[] KepalaUrusan =
    [
        new { code = "TEKNIS.PEMBELAJARAN", minLevel = 3 }, new { code = "MANAJERIAL.KERJASAMA", minLevel = 3 }, new { code = "MANAJERIAL.INTEGRITAS", minLevel = 4 },
    ];

    [Fact]
    public async Task The_grid_puts_each_finally_evaluated_guru_in_the_box_of_their_results_and_latest_potential_and_lists_the_unassessed_apart()
    {
        var grid = await (await _admin.GetAsync($"{Routes.Cycles.TalentGrid(app.Cycle)}?unit={app.School.ToLowerInvariant()}")).Json();

        var items = grid["items"]!.AsArray();
        Nips(items).Should().Equal([Nip("G1"), Nip("G4"), .. ByNip("G2", "G3"), Nip("G5"), Nip("G7")]);
        items.ToDictionary(i => i!["nip"].Str(), i => i!["box"]!["number"]!.GetValue<int>()).Should().Equal(new Dictionary<string, int>
        {
            [Nip("G1")] = 9, [Nip("G2")] = 5, [Nip("G3")] = 5, [Nip("G4")] = 6, [Nip("G5")] = 4, [Nip("G7")] = 2,
        });
        var g1 = items.Single(i => i!["nip"].Str() == Nip("G1"))!;
        g1["potential"].Str().Should().Be("Tinggi", "the assessment dated 2026-03-12 is the latest, though one dated 2025 was recorded after it");
        g1["assessedOn"].Str().Should().Be("2026-03-12");
        g1["kinerja"].Str().Should().Be("DiAtasEkspektasi");
        g1["predikat"].Str().Should().Be("SangatBaik");
        g1["unitCode"].Str().Should().Be(app.School);
        g1["box"]!["recommendations"]!.AsArray().Select(r => r!["code"].Str()).Should().Equal("promote", "succession-pool", "award");
        g1["box"]!["recommendations"]![0]!["indonesian"].Str().Should().Be("Dipromosikan dan dipertahankan");
        g1["box"]!["recommendations"]![0]!["english"].Str().Should().Be("promote and retain");
        items.Single(i => i!["nip"].Str() == Nip("G4"))!["box"]!["recommendations"]!.AsArray().Select(r => r!["code"].Str())
            .Should().Equal("fitting-placement", "coaching", "counselling");

        var notAssessed = grid["notAssessed"]!.AsArray().Single()!;
        notAssessed["nip"].Str().Should().Be(Nip("G6"));
        notAssessed["predikat"].Str().Should().Be("Baik");
        grid["counts"]!.AsArray().Select(c => (c!["box"]!.GetValue<int>(), c["count"]!.GetValue<int>()))
            .Should().Equal((1, 0), (2, 1), (3, 0), (4, 1), (5, 2), (6, 1), (7, 0), (8, 0), (9, 1));

        var whole = await (await _admin.GetAsync(Routes.Cycles.TalentGrid(app.Cycle))).Json();
        Nips(whole["items"]).Should().Equal(Nips(items), "the cycle covers this school only");
        var elsewhere = await (await _admin.GetAsync($"{Routes.Cycles.TalentGrid(app.Cycle)}?unit=DISDIK")).Json();
        elsewhere["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_grid_pages_its_people_in_the_grid_order_with_the_counts_of_the_whole_unit_on_every_page()
    {
        var grid = $"{Routes.Cycles.TalentGrid(app.Cycle)}?unit={app.School}";
        var walked = new List<string>();
        var notAssessed = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await (await _admin.GetAsync($"{grid}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).Json();
            pages++;
            (page["items"]!.AsArray().Count + page["notAssessed"]!.AsArray().Count).Should().BeLessThanOrEqualTo(2);
            page["counts"]!.AsArray().Select(c => c!["count"]!.GetValue<int>()).Should().Equal([0, 1, 0, 1, 2, 1, 0, 0, 1], "every page counts the whole unit");
            page["notAssessedCount"]!.GetValue<int>().Should().Be(1);
            walked.AddRange(Nips(page["items"]));
            notAssessed.AddRange(Nips(page["notAssessed"]));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        pages.Should().Be(4, "seven people two at a time");
        walked.Should().Equal([Nip("G1"), Nip("G4"), .. ByNip("G2", "G3"), Nip("G5"), Nip("G7")], "boxes 9 to 1, each by NIP, across the pages");
        notAssessed.Should().Equal(Nip("G6"));

        var five = await (await _admin.GetAsync($"{grid}&box=5&limit=1")).Json();
        Nips(five["items"]).Should().Equal(ByNip("G2", "G3").Take(1));
        five["box"]!.GetValue<int>().Should().Be(5);
        var rest = await (await _admin.GetAsync($"{grid}&box=5&limit=1&cursor={five["nextCursor"].Str()}")).Json();
        Nips(rest["items"]).Should().Equal(ByNip("G2", "G3").Skip(1), "a box's page holds that box only");
        rest["notAssessed"]!.AsArray().Should().BeEmpty();
        rest["nextCursor"].Should().BeNull();

        await (await _admin.GetAsync($"{grid}&box=10")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.GetAsync($"{grid}&limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.GetAsync($"{grid}&cursor=bm90LWEtY3Vyc29y")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Candidates_are_ranked_by_requirements_met_then_shortfall_then_predikat_then_box_then_nip_with_their_reasons_and_gaps()
    {
        var code = await Vacancy("KAUR", KepalaUrusan);

        var page = await (await _admin.GetAsync(Routes.Positions.Candidates(code))).Json();

        // 3 of 3 met: G1 (Sangat Baik) before G2 and G3 (Baik, box 5: equal in every key, so by NIP) before G7 (Baik, box 2);
        // 2 of 3 met: G4 (short by 1) before G5 (short by 2), though G5's predikat is better. G6 is not assessed.
        var items = page["items"]!.AsArray();
        Nips(items).Take(6).Should().Equal([Nip("G1"), .. ByNip("G2", "G3"), Nip("G7"), Nip("G4"), Nip("G5")]);
        Nips(items).Should().NotContain(Nip("G6"));
        var firstTwo = await (await _admin.GetAsync($"{Routes.Positions.Candidates(code)}?limit=2")).Json();
        Nips(firstTwo["items"]).Should().Equal(Nips(items).Take(2), "a page that those meeting every requirement fill is read through their index, in the same order");

        var g4 = items.Single(i => i!["nip"].Str() == Nip("G4"))!["fit"]!;
        g4["matchShare"]!.GetValue<decimal>().Should().Be(0.6667m);
        g4["shortfall"]!.GetValue<int>().Should().Be(1);
        g4["met"]!.AsArray().Select(m => (m!["code"].Str(), m["required"]!.GetValue<int>(), m["actual"]!.GetValue<int>()))
            .Should().Equal(("MANAJERIAL.INTEGRITAS", 4, 4), ("TEKNIS.PEMBELAJARAN", 3, 5));
        g4["gaps"]!.AsArray().Select(m => (m!["code"].Str(), m["required"]!.GetValue<int>(), m["actual"]!.GetValue<int>()))
            .Should().Equal(("MANAJERIAL.KERJASAMA", 3, 2));
        g4["latestFinal"]!["predikat"].Str().Should().Be("ButuhPerbaikan");
        g4["latestFinal"]!["cycleId"]!.GetValue<Guid>().Should().Be(app.Cycle);
        g4["box"]!["number"]!.GetValue<int>().Should().Be(6);
        g4["reasons"]!.AsArray().Select(r => r.Str()).Should().Contain("meets 2 of 3 required competencies: MANAJERIAL.INTEGRITAS, TEKNIS.PEMBELAJARAN")
            .And.Contain("MANAJERIAL.KERJASAMA at level 2, 3 required (short by 1)");

        var g5 = items.Single(i => i!["nip"].Str() == Nip("G5"))!["fit"]!;
        g5["gaps"]!.AsArray().Select(m => (m!["code"].Str(), m["actual"]!.GetValue<int>())).Should().Equal(("MANAJERIAL.INTEGRITAS", 2));
        g5["latestFinal"]!["predikat"].Str().Should().Be("SangatBaik");
        items.Single(i => i!["nip"].Str() == Nip("G1"))!["fit"]!["gaps"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Candidates_page_by_cursor_in_the_same_order()
    {
        var code = await Vacancy("PAGED", KepalaUrusan);
        var all = Nips((await (await _admin.GetAsync(Routes.Positions.Candidates(code))).Json())["items"]);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _admin.GetAsync($"{Routes.Positions.Candidates(code)}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).Json();
            Nips(page["items"]).Length.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(Nips(page["items"]));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        seen.Should().Equal(all);
        all.Length.Should().BeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task Placement_recommendations_list_the_vacant_positions_the_employee_fits_best_first_with_gaps()
    {
        var fitsPartly = await Vacancy("REC-A", KepalaUrusan);
        var fitsFully = await Vacancy("REC-B", [new { code = "TEKNIS.PEMBELAJARAN", minLevel = 5 }]);
        var fitsNot = await Vacancy("REC-C", [new { code = "MANAJERIAL.KERJASAMA", minLevel = 4 }, new { code = "MANAJERIAL.INTEGRITAS", minLevel = 5 }]);
        var filled = await Vacancy("REC-D", [new { code = "TEKNIS.PEMBELAJARAN", minLevel = 3 }], vacancies: 0);

        var recommendations = await (await _admin.GetAsync(Routes.Employees.PlacementRecommendations(Nip("G4")))).Json();

        recommendations["potential"].Str().Should().Be("Tinggi");
        var ours = recommendations["items"]!.AsArray().Where(i => i!["code"].Str().Contains("-REC-", StringComparison.Ordinal)).ToList();
        ours.Select(i => i!["code"].Str()).Should().Equal(fitsFully, fitsPartly);
        ours.Select(i => i!["code"].Str()).Should().NotContain([fitsNot, filled]);
        ours[1]!["fit"]!["gaps"]![0]!["code"].Str().Should().Be("MANAJERIAL.KERJASAMA");
        ours[0]!["fit"]!["matchShare"]!.GetValue<decimal>().Should().Be(1m);

        var own = await app.As(Roles.Employee, Nip("G4")).GetAsync(Routes.Employees.PlacementRecommendations(Nip("G4")));
        own.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_hr_admin_portal_and_auditor_see_candidates_and_a_supervisor_sees_the_grid_of_their_own_unit_only()
    {
        var code = await Vacancy("ACCESS", KepalaUrusan);

        await (await app.As(Roles.Employee, Nip("G1")).GetAsync(Routes.Positions.Candidates(code))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, app.KepalaSekolah).GetAsync(Routes.Positions.Candidates(code))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.As(Roles.Auditor).GetAsync(Routes.Positions.Candidates(code))).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await app.As(Roles.Employee, Nip("G1")).GetAsync(Routes.Employees.PlacementRecommendations(Nip("G2"))))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var supervisor = app.As(Roles.Supervisor, app.KepalaSekolah);
        (await supervisor.GetAsync($"{Routes.Cycles.TalentGrid(app.Cycle)}?unit={app.School}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await supervisor.GetAsync(Routes.Cycles.TalentGrid(app.Cycle))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await supervisor.GetAsync($"{Routes.Cycles.TalentGrid(app.Cycle)}?unit=DISDIK")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Employee, Nip("G1")).GetAsync($"{Routes.Cycles.TalentGrid(app.Cycle)}?unit={app.School}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_cycle_position_or_employee_is_404()
    {
        await (await _admin.GetAsync(Routes.Cycles.TalentGrid(Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
        await (await _admin.GetAsync(Routes.Positions.Candidates("NO-SUCH-POSITION"))).ShouldBeProblem(HttpStatusCode.NotFound, "position-not-found");
        await (await _admin.GetAsync(Routes.Employees.PlacementRecommendations(Given.PnsNip()))).ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
    }

    [Fact]
    public async Task Rebuilding_the_talent_profiles_from_the_events_gives_the_same_grid_and_candidates()
    {
        var code = await Vacancy("REBUILD", KepalaUrusan);
        var grid = $"{Routes.Cycles.TalentGrid(app.Cycle)}?unit={app.School}";
        var candidates = Routes.Positions.Candidates(code);
        var gridBefore = await _admin.GetStringAsync(grid);
        var candidatesBefore = await _admin.GetStringAsync(candidates);

        await TestDatabase.Execute($"delete from {app.Schema}.mt_doc_talentprofile");
        (await (await _admin.GetAsync(grid)).Json())["items"]!.AsArray().Should().BeEmpty();
        var daemon = app.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync("TalentProfile", TimeSpan.FromMinutes(2), CancellationToken.None);

        (await _admin.GetStringAsync(grid)).Should().Be(gridBefore);
        (await _admin.GetStringAsync(candidates)).Should().Be(candidatesBefore);
    }
}
