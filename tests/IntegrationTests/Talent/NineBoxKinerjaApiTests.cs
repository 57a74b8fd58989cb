using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Marten.Events;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>The 9-box's kinerja axis is the final predikat and its potential the assessment in force at the period's end (ADR 085).</summary>
public sealed class NineBoxKinerjaApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task Results_above_with_behaviour_below_is_Kurang_in_box_6_and_an_assessment_recorded_after_closing_leaves_the_closed_grid_alone()
    {
        var (school, kepalaDinas, kepalaSekolah, guru) = await _admin.School();
        await TalentScenario.Assess(_admin, guru, [3, 3, 3], "Tinggi", "2026-03-12");
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        await _admin.Open(cycle, guru);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        var ks = app.As(Roles.Supervisor, kepalaSekolah);
        await app.As(Roles.Employee, guru).AgreedPlan(ks, appraisal);
        (await app.As(Roles.Employee, guru).Post($"{appraisal}/realisations", new
        {
            indicatorKey = "R1.1", value = 14, achievedOn = "2026-09-01", evidence = new { link = "https://drive.ambon.go.id/rpp.pdf", description = "RPP" },
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ks.Post($"{appraisal}/evaluation", new { results = "DiAtasEkspektasi", behaviour = "DiBawahEkspektasi", justification = "Target terlampaui; sering absen" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, kepalaDinas).Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post(Routes.Cycles.Closure(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var grid = await (await _admin.GetAsync(Routes.Cycles.TalentGrid(cycle))).Json();
        var entry = grid["items"]!.AsArray().Single()!;
        (entry["predikat"].Str(), entry["kinerja"].Str(), entry["potential"].Str(), entry["box"]!["number"]!.GetValue<int>())
            .Should().Be(("Kurang", "DiBawahEkspektasi", "Tinggi", 6), "Kurang/Misconduct never sits in a top box");
        grid["kinerjaAxis"].Str().Should().Be("PermenPANRB 3/2020 + 6/2022, kinerja 2026.2");

        app.Clock.Advance(TimeSpan.FromDays(3));
        await TalentScenario.Assess(_admin, guru, [1, 1, 1], "Rendah", "2026-11-30");
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var after = await (await _admin.GetAsync(Routes.Cycles.TalentGrid(cycle))).Json();
        var unchanged = after["items"]!.AsArray().Single()!;
        (unchanged["potential"].Str(), unchanged["assessedOn"].Str(), unchanged["box"]!["number"]!.GetValue<int>()).Should().Be(("Tinggi", "2026-03-12", 6));
        // The kept place of the row now takes the later assessment, recorded after the closing: the closed grid places it again, and counts it where it shows it.
        after["counts"]!.AsArray().Select(c => (c!["box"]!.GetValue<int>(), c["count"]!.GetValue<int>())).Where(c => c.Item2 != 0)
            .Should().Equal([(6, 1)], "the closed cycle's counts are those of the page");
        after["notAssessedCount"]!.GetValue<int>().Should().Be(0);
        (await (await _admin.GetAsync($"{Routes.Cycles.TalentGrid(cycle)}?box=6")).Json())["items"]!.AsArray().Should().ContainSingle("box 6 holds it");
    }
}
