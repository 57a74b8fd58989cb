using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Worklists;

/// <summary>
/// A unit's views (ranking, distribution with its guidance, support needs, award candidates, JP shortfalls, talent grid, progress) are
/// read by its head, the heads above it, their Plt/Plh and the opd-admin of its subtree; not by its staff, other heads or other OPDs.
/// </summary>
public sealed class UnitScopedReadApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static IEnumerable<string> Views(OneDinas d, string unit) =>
    [
        $"{Routes.Cycles.Ranking(d.Cycle)}?unit={unit}",
        $"{Routes.Cycles.Unit(d.Cycle, unit)}/distribution",
        $"{Routes.Cycles.Unit(d.Cycle, unit)}/support-needs",
        $"{Routes.Cycles.Unit(d.Cycle, unit)}/award-candidates",
        Routes.Units.JpShortfalls(unit),
        $"{Routes.Cycles.TalentGrid(d.Cycle)}?unit={unit}",
        $"{Routes.Cycles.Progress(d.Cycle)}?unit={unit}",
    ];

    private static async Task<IReadOnlyList<string>> Answers(HttpClient caller, IEnumerable<string> urls)
    {
        var answers = new List<string>();
        foreach (var url in urls)
        {
            var response = await caller.GetAsync(url);
            answers.Add($"{url} -> {(int)response.StatusCode}");
        }

        return answers;
    }

    [Fact]
    public async Task The_principal_reads_her_schools_views_the_kepala_dinas_and_the_opd_admin_those_of_the_dinas_and_its_schools()
    {
        var d = await OneDinas.Build(app, opened: false);
        foreach (var (caller, unit) in new[]
        {
            (app.As(Roles.Supervisor, d.KepalaSekolah), d.School),
            (app.As(Roles.Supervisor, d.KepalaDinas), d.School),
            (app.As(Roles.Supervisor, d.KepalaDinas), d.Dinas),
            (app.As(Roles.OpdAdmin, unit: d.Dinas), d.School),
            (app.As(Roles.OpdAdmin, unit: d.Dinas.ToLowerInvariant()), d.Dinas),
            (_admin, d.School),
        })
        {
            (await Answers(caller, Views(d, unit))).Should().OnlyContain(a => a.EndsWith(" -> 200", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Staff_other_heads_other_opds_and_city_wide_asks_are_refused_with_403()
    {
        var d = await OneDinas.Build(app, opened: false);
        var other = await OneDinas.Build(app, opened: false);
        foreach (var (caller, unit) in new[]
        {
            (app.As(Roles.Supervisor, d.KepalaSekolah), d.Dinas),
            (app.As(Roles.Supervisor, d.KepalaSekolah), other.School),
            (app.As(Roles.Employee, d.Guru1), d.School),
            (app.As(Roles.Supervisor, other.KepalaDinas), d.School),
            (app.As(Roles.OpdAdmin, unit: d.School), d.Dinas),
            (app.As(Roles.OpdAdmin, unit: other.Dinas), d.School),
            (app.As(Roles.OpdAdmin), d.School),
        })
        {
            foreach (var url in Views(d, unit))
            {
                await (await caller.GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
            }
        }

        var principal = app.As(Roles.Supervisor, d.KepalaSekolah);
        await (await principal.GetAsync(Routes.Cycles.Ranking(d.Cycle))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await principal.GetAsync(Routes.Cycles.AwardCandidates(d.Cycle))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Portal).GetAsync($"{Routes.Cycles.Unit(d.Cycle, d.School)}/distribution")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_Plt_for_the_principal_reads_her_schools_views_while_the_assignment_lasts()
    {
        var d = await OneDinas.Build(app, opened: false);
        var plt = app.As(Roles.Employee, d.Guru2);
        await (await plt.GetAsync($"{Routes.Cycles.Ranking(d.Cycle)}?unit={d.School}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _admin.Post(Routes.Employees.ActingOfficials(d.KepalaSekolah), new { actingNip = d.Guru2, kind = "Plt", from = "2026-09-01", to = "2026-09-30" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await Answers(plt, Views(d, d.School))).Should().OnlyContain(a => a.EndsWith(" -> 200", StringComparison.Ordinal));
        await (await plt.GetAsync($"{Routes.Cycles.Ranking(d.Cycle)}?unit={d.Dinas}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_distribution_shows_the_guidance_its_units_result_sets()
    {
        var d = await OneDinas.Build(app, opened: false);
        (await _admin.Post(Routes.Cycles.Evaluation(d.Cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post($"{Routes.Cycles.Unit(d.Cycle, d.School)}/result", new { result = "ButuhPerbaikan" }, headers: ("X-Reason", "Atas nama Kepala Dinas")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var distribution = await (await app.As(Roles.Supervisor, d.KepalaSekolah).GetAsync($"{Routes.Cycles.Unit(d.Cycle, d.School)}/distribution")).Json();
        distribution["guidance"]!.AsArray().Select(b => b!["description"].Str())
            .Should().Equal("at least 60% Butuh Perbaikan", "at most 10% Sangat Baik");
    }
}
