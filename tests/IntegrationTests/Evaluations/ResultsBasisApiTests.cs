using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Evaluations;

/// <summary>
/// One definition of achievement for the progress view and the score (ADR 085): Waktu counts down, zero realised is zero, and what has
/// no basis says so; results above expectations with nothing realised need a justification of their own.
/// </summary>
public sealed class ResultsBasisApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static readonly object Evidence = new { link = "https://drive.ambon.go.id/jadwal.pdf", description = "Laporan pelaksanaan" };

    private static JsonNode Progress(JsonObject appraisal) => appraisal["progress"]!.AsArray().Single()!;

    private static JsonNode Indicator(JsonObject appraisal) => appraisal["score"]!["indicators"]!.AsArray().Single()!;

    [Fact]
    public async Task Results_above_expectations_with_nothing_realised_are_refused_without_a_justification_and_the_missing_basis_shows_in_score_and_progress()
    {
        var (school, _, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        await _admin.Open(cycle, guru);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        var ks = app.As(Roles.Supervisor, kepalaSekolah);
        await app.As(Roles.Employee, guru).AgreedPlan(ks, appraisal);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var bare = await (await _admin.GetAsync(appraisal)).Json();
        (Progress(bare)["percentOfTarget"], Progress(bare)["missingBasis"].Str()).Should().Be((null, "nothing realised"));
        bare["score"]!["value"]!.GetValue<decimal>().Should().Be(0m);
        bare["score"]!["missingBasis"].Str().Should().Be("1 of 1 indicators have no basis (R1.1: nothing realised) and count 0");

        var before = await app.EventCount();
        var refused = await (await ks.Post($"{appraisal}/evaluation", new { results = "DiAtasEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Kinerja baik" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "above-without-realisation");
        refused["detail"].Str().Should().Contain("unrealisedJustification");
        (await app.EventCount()).Should().Be(before);

        (await ks.Post($"{appraisal}/evaluation", new
        {
            results = "DiAtasEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Kinerja baik",
            unrealisedJustification = "Perangkat ajar diserahkan langsung ke pengawas; bukti menyusul",
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        var evaluated = await (await _admin.GetAsync(appraisal)).Json();
        evaluated["evaluation"]!["unrealisedJustification"].Str().Should().Be("Perangkat ajar diserahkan langsung ke pengawas; bukti menyusul");
        evaluated["score"]!["missingBasis"].Str().Should().NotBeNull("the justification explains the rating, it does not make the score rest on anything");
    }

    [Fact]
    public async Task A_time_indicator_counts_down_the_same_in_progress_and_score_and_zero_realised_is_zero_achievement_not_unknown()
    {
        var (school, _, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        await _admin.Open(cycle, guru);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        var me = app.As(Roles.Employee, guru);
        await me.AgreedPlan(app.As(Roles.Supervisor, kepalaSekolah), appraisal, GivenCycles.PlanBody(12, aspect: "Waktu"));

        var recorded = await me.Post($"{appraisal}/realisations", new { indicatorKey = "R1.1", value = 10, evidence = Evidence, achievedOn = "2026-09-01" });
        recorded.StatusCode.Should().Be(HttpStatusCode.Created);
        var early = await (await _admin.GetAsync(appraisal)).Json();
        Progress(early)["percentOfTarget"]!.GetValue<decimal>().Should().Be(120.0m, "12 months planned, done in 10");
        Indicator(early)["achievement"]!.GetValue<decimal>().Should().Be(1.2m, "the score reads the same achievement");

        var id = (await recorded.Json())["id"].Str();
        (await me.Post($"{appraisal}/realisations/{id}/corrections", new { value = 0, evidence = Evidence, achievedOn = "2026-09-01", reason = "Belum terlaksana" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var missed = await (await _admin.GetAsync(appraisal)).Json();
        (Progress(missed)["percentOfTarget"]!.GetValue<decimal>(), Progress(missed)["missingBasis"]).Should().Be((0m, null));
        (Indicator(missed)["achievement"]!.GetValue<decimal>(), Indicator(missed)["counted"]!.GetValue<decimal>()).Should().Be((0m, 0m));
        missed["score"]!["missingBasis"].Should().BeNull("a realised zero is a measured result");
    }
}
