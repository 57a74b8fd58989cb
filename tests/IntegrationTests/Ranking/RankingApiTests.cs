using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Application.Ranking.GettingRanking;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Ranking;

/// <summary>
/// A school of a kepala sekolah and five guru, each with one Kuantitas indicator of 12 dokumen. Hand-computed:
/// G1 realised 12 (results 100) with supervisor feedback 5 and 3 (behaviour 75) → 0.6 x 100 + 0.4 x 75 = 90, Sangat Baik;
/// G2 and G4 realised 15 (capped at 120 %) → 120, Baik, tied; G3 realised 9 → 75, Baik; G5 realised 6 → 50, Butuh Perbaikan;
/// the kepala sekolah has no final evaluation and is not ranked.
/// </summary>
public sealed class RankingApiTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private string _school = "";
    private Guid _cycle;
    private string[] _guru = [];

    private static object Rated(string results, string behaviour) => new { results, behaviour, justification = "Sesuai capaian SKP" };

    public async Task InitializeAsync()
    {
        var staff = await _admin.School();
        _school = staff.Unit;
        _guru = [staff.Guru, .. await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _admin.Employee(_school, supervisorNip: staff.KepalaSekolah)))];
        _cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [_school]);
        (await _admin.Post(Routes.Cycles.AppraisalOpenings(_cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var ks = app.As(Roles.Supervisor, staff.KepalaSekolah);
        var kd = app.As(Roles.Supervisor, staff.KepalaDinas);
        decimal[] realised = [12, 15, 9, 15, 6];
        for (var i = 0; i < _guru.Length; i++)
        {
            var me = app.As(Roles.Employee, _guru[i]);
            await me.AgreedPlan(ks, Appraisal(_guru[i]));
            var recorded = await me.Post($"{Appraisal(_guru[i])}/realisations", new
            {
                indicatorKey = "R1.1", value = realised[i], achievedOn = "2026-09-01",
                evidence = new { link = "https://drive.ambon.go.id/rpp.pdf", description = "Perangkat ajar" },
            });
            recorded.StatusCode.Should().Be(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        var feedback = await ks.Post($"{Appraisal(_guru[0])}/feedback", new { source = "Supervisor", scores = new { Akuntabel = 5, Kompeten = 3 } });
        feedback.StatusCode.Should().Be(HttpStatusCode.OK, await feedback.Content.ReadAsStringAsync());

        (await _admin.Post(Routes.Cycles.Evaluation(_cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        object[] ratings =
        [
            Rated("DiAtasEkspektasi", "DiAtasEkspektasi"), Rated("SesuaiEkspektasi", "SesuaiEkspektasi"), Rated("SesuaiEkspektasi", "SesuaiEkspektasi"),
            Rated("SesuaiEkspektasi", "SesuaiEkspektasi"), Rated("DiBawahEkspektasi", "SesuaiEkspektasi"),
        ];
        for (var i = 0; i < _guru.Length; i++)
        {
            (await ks.Post($"{Appraisal(_guru[i])}/evaluation", ratings[i])).StatusCode.Should().Be(HttpStatusCode.OK);
            (await kd.Post($"{Appraisal(_guru[i])}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Appraisal(string nip) => Routes.Appraisals.One(_cycle, nip);

    private string Tied(int which) => _guru[1].CompareTo(_guru[3]) < 0 == (which == 0) ? _guru[1] : _guru[3];

    [Fact]
    public async Task The_unit_is_ordered_by_predikat_then_score_with_a_shared_rank_for_the_tie_across_pages()
    {
        var rows = new List<(int Rank, decimal Percentile, string Nip, Predikat Predikat, decimal Score)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _admin.Read<RankingPage>($"{Routes.Cycles.Ranking(_cycle)}?unit={_school}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            page.Ranked.Should().Be(5);
            page.Unranked.Should().Be(1, "the kepala sekolah has no final evaluation");
            rows.AddRange(page.Items.Select(r => (r.Rank, r.Percentile, r.Nip, r.Predikat, r.Score)));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        rows.Should().Equal(
            (1, 100m, _guru[0], Predikat.SangatBaik, 90m),
            (2, 80m, Tied(0), Predikat.Baik, 120m),
            (2, 80m, Tied(1), Predikat.Baik, 120m),
            (4, 40m, _guru[2], Predikat.Baik, 75m),
            (5, 20m, _guru[4], Predikat.ButuhPerbaikan, 50m));
    }

    [Fact]
    public async Task Each_row_carries_the_score_components_and_the_city_wide_ranking_of_the_cycle_is_the_same()
    {
        var city = await _admin.Read<RankingPage>(Routes.Cycles.Ranking(_cycle));
        var first = city.Items[0];
        first.Nip.Should().Be(_guru[0]);
        var profile = await _admin.Read<EmployeeDetails>(Routes.Employees.One(_guru[0]));
        first.FullName.Should().NotBeNullOrEmpty().And.Be(profile.FullName, "the name is the employee's current one from the registry");
        var components = first.Components;
        components.WeightsVersion.Should().Be("2026.1");
        components.ResultsPoints.Should().Be(100m);
        components.BehaviourPoints.Should().Be(75m);
        components.Indicators[0].Achievement.Should().Be(1m);
        components.Sources.Single(s => s.Source == FeedbackSource.Supervisor).Mean.Should().Be(4m);
        city.Items.Select(r => r.Nip).Should().Equal(_guru[0], Tied(0), Tied(1), _guru[2], _guru[4]);
    }

    [Fact]
    public async Task The_ranking_is_offered_as_csv()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Routes.Cycles.Ranking(_cycle)}?unit={_school}");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await _admin.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').TrimEnd('\r').Split("\r\n");
        lines[0].Should().Be("rank,percentile,nip,fullName,unitCode,predikat,score,resultsPoints,behaviourPoints,weightsVersion,missingBasis");
        lines.Should().HaveCount(6);
        lines[5].Should().StartWith($"5,20,{_guru[4]},").And.EndWith($",{_school},ButuhPerbaikan,50,50,,2026.1,");
    }

    [Fact]
    public async Task A_csv_page_asked_for_with_a_limit_says_where_the_rest_is_and_following_it_gives_the_rest()
    {
        var url = $"{Routes.Cycles.Ranking(_cycle)}?unit={_school}&format=csv&limit=3";
        var first = await _admin.GetAsync(url);
        (await first.Content.ReadAsStringAsync()).TrimEnd('\n').TrimEnd('\r').Split("\r\n").Should().HaveCount(4);
        var link = first.Headers.GetValues("Link").Single();
        link.Should().MatchRegex("^<[^>]*cursor=[^>]*>; rel=\"next\"$");

        var next = await _admin.GetAsync(link[1..link.IndexOf('>')]);
        var rest = (await next.Content.ReadAsStringAsync()).TrimEnd('\n').TrimEnd('\r').Split("\r\n");
        rest.Should().HaveCount(3).And.Subject.Last().Should().StartWith($"5,20,{_guru[4]},");
        next.Headers.Contains("Link").Should().BeFalse("the last page has nothing after it");
    }

    [Fact]
    public async Task Unknown_cycles_and_units_are_404_a_forged_cursor_is_400_and_employees_cannot_read_the_ranking()
    {
        await (await _admin.GetAsync(Routes.Cycles.Ranking(Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
        await (await _admin.GetAsync($"{Routes.Cycles.Ranking(_cycle)}?unit=TIDAKADA")).ShouldBeProblem(HttpStatusCode.NotFound, "unit-not-found");
        await _admin.EnsureUnit("DINKES");
        var empty = await _admin.Read<RankingPage>($"{Routes.Cycles.Ranking(_cycle)}?unit=DINKES");
        (empty.UnitCode, empty.Ranked, empty.Unranked, empty.Items.Count)
            .Should().Be(("DINKES", 0, 0, 0), "a registered unit with no appraisals in the cycle has an empty ranking, not a 404");
        var lower = await _admin.Read<RankingPage>($"{Routes.Cycles.Ranking(_cycle)}?unit={_school.ToLowerInvariant()}");
        (lower.UnitCode, lower.Ranked).Should().Be((_school, 5), "unit codes are matched upper-case");
        await (await _admin.GetAsync($"{Routes.Cycles.Ranking(_cycle)}?cursor=bm90LWEtY3Vyc29y")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.As(Roles.Employee, _guru[0]).GetAsync(Routes.Cycles.Ranking(_cycle))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
