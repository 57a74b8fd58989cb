using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.FollowUps;

/// <summary>
/// Two final guru of one school, the Baik one with the higher score: guru X Baik, 14 of 12 dokumen realised (116.67);
/// guru Y Sangat Baik, 12 of 12 (100). The ranking puts Y first (predikat first); so must the award candidacy.
/// </summary>
public sealed class RankInUnitApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly object Evidence = new { link = "https://drive.ambon.go.id/bukti.pdf", description = "Rekap perangkat ajar" };
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task An_award_candidates_rank_in_unit_is_their_rank_in_the_unit_ranking_even_where_a_baik_scores_higher()
    {
        var staff = await _admin.School();
        var x = staff.Guru;
        var y = await _admin.Employee(staff.Unit, supervisorNip: staff.KepalaSekolah);
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [staff.Unit]);
        var ks = app.As(Roles.Supervisor, staff.KepalaSekolah);
        var kd = app.As(Roles.Supervisor, staff.KepalaDinas);
        foreach (var guru in new[] { x, y })
        {
            await _admin.Open(cycle, guru);
            await app.As(Roles.Employee, guru).AgreedPlan(ks, Routes.Appraisals.One(cycle, guru));
        }

        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (guru, realised, behaviour) in new[] { (x, 14, "SesuaiEkspektasi"), (y, 12, "DiAtasEkspektasi") })
        {
            var appraisal = Routes.Appraisals.One(cycle, guru);
            (await app.As(Roles.Employee, guru).Post($"{appraisal}/realisations", new { indicatorKey = "R1.1", value = realised, evidence = Evidence, achievedOn = "2026-09-01" }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
            (await ks.Post($"{appraisal}/evaluation", new { results = "DiAtasEkspektasi", behaviour, justification = "Sesuai capaian SKP" })).StatusCode.Should().Be(HttpStatusCode.OK);
            (await kd.Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var ranking = (await (await _admin.GetAsync($"{Routes.Cycles.Ranking(cycle)}?unit={staff.Unit}")).Json())["items"]!.AsArray();
        ranking.Select(r => (r!["nip"].Str(), r["predikat"].Str(), r["rank"]!.GetValue<int>())).Should().Equal((y, "SangatBaik", 1), (x, "Baik", 2));
        ranking[1]!["score"]!.GetValue<decimal>().Should().BeGreaterThan(ranking[0]!["score"]!.GetValue<decimal>(), "the Baik outscores the Sangat Baik");

        var candidates = await (await _admin.GetAsync($"{Routes.Cycles.Unit(cycle, staff.Unit)}/award-candidates")).Json();
        candidates["items"]!.AsArray().Select(c => (c!["nip"].Str(), c["rankInUnit"]!.GetValue<int>())).Should().Equal((y, 1));
        var cityWide = await (await _admin.GetAsync(Routes.Cycles.AwardCandidates(cycle))).Json();
        cityWide["items"]!.AsArray().Select(c => (c!["nip"].Str(), c["rankInUnit"]!.GetValue<int>())).Should().Equal((y, 1));
    }
}
