using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>Two guru rated by their kepala sekolah, approved by the kepala dinas; the registry changes under them during evaluation.</summary>
public sealed class SeparationOfDutiesApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly object Good = new { results = "SesuaiEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Target tercapai" };

    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task The_report_names_a_rater_who_was_no_longer_the_superior_and_an_approver_who_was_no_longer_the_raters_superior()
    {
        // Acts by someone who is not the superior on the date are refused now (decision 088); what the report still finds is a
        // registry change back-dated over acts already done.
        var (school, kepalaDinas, kepalaSekolah, guru) = await _admin.School();
        var guru2 = await _admin.Employee(school, supervisorNip: kepalaSekolah);
        var newHead = await _admin.Employee(school, supervisorNip: kepalaDinas);
        var otherDinas = await _admin.Employee("DISDIK");
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        var rater = app.As(Roles.Supervisor, kepalaSekolah);
        var approver = app.As(Roles.Supervisor, kepalaDinas);
        foreach (var ratee in new[] { guru, guru2 })
        {
            await _admin.Open(cycle, ratee);
            await app.As(Roles.Employee, ratee).AgreedPlan(rater, Routes.Appraisals.One(cycle, ratee));
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var ratee in new[] { guru, guru2 })
        {
            (await rater.Post($"{Routes.Appraisals.One(cycle, ratee)}/evaluation", Good)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await approver.Post($"{Routes.Appraisals.One(cycle, guru)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var evaluatedOn = app.Today;
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await approver.Post($"{Routes.Appraisals.One(cycle, guru2)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        // The registry learns afterwards that guru had a new head from the evaluation day, and kepala sekolah a new superior from today.
        (await _admin.Post(Routes.Employees.SupervisorChanges(guru), new { supervisorNip = newHead, effectiveOn = evaluatedOn }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post(Routes.Employees.SupervisorChanges(kepalaSekolah), new { supervisorNip = otherDinas, effectiveOn = app.Today }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var report = await (await _auditor.GetAsync(Routes.Audit.SeparationOfDuties(cycle))).Json();
        var items = report["items"]!.AsArray();
        items.Select(i => (i!["kind"].Str(), i["rateeNip"].Str(), i["actedBy"].Str(), i["expectedNip"].Str(), i["on"].Str(), i["type"].Str(),
                i["version"]!.GetValue<long>()))
            .Should().Equal(
                ("rater-not-superior", guru, kepalaSekolah, newHead, evaluatedOn.ToString("yyyy-MM-dd"), "evaluation_submitted", 5L),
                ("approver-not-raters-superior", guru2, kepalaDinas, otherDinas, app.Today.ToString("yyyy-MM-dd"), "evaluation_approved", 6L));
        report["nextCursor"].Should().BeNull();

        var firstPage = await (await _auditor.GetAsync($"{Routes.Audit.SeparationOfDuties(cycle)}?limit=1")).Json();
        firstPage["items"]!.AsArray().Single()!["rateeNip"].Str().Should().Be(guru);
        var next = firstPage["nextCursor"].Str();
        var secondPage = await (await _auditor.GetAsync($"{Routes.Audit.SeparationOfDuties(cycle)}?limit=1&after={next}")).Json();
        secondPage["items"]!.AsArray().Single()!["rateeNip"].Str().Should().Be(guru2);

        var csv = await (await _admin.GetAsync($"{Routes.Audit.SeparationOfDuties(cycle)}?format=csv")).Content.ReadAsStringAsync();
        var lines = csv.Trim().Split("\r\n");
        lines[0].Should().Be("sequence,kind,appraisalId,rateeNip,type,actedBy,expectedNip,on,version,recordedAt");
        lines.Should().HaveCount(3);
        lines[1].Should().Contain($",rater-not-superior,").And.Contain($",{guru},evaluation_submitted,{kepalaSekolah},{newHead},");
    }

    [Fact]
    public async Task A_cycle_whose_evaluations_follow_the_registry_reports_nothing()
    {
        var (school, kepalaDinas, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        var rater = app.As(Roles.Supervisor, kepalaSekolah);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        await _admin.Open(cycle, guru);
        await app.As(Roles.Employee, guru).AgreedPlan(rater, appraisal);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await rater.Post($"{appraisal}/evaluation", Good)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, kepalaDinas).Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var report = await (await _auditor.GetAsync(Routes.Audit.SeparationOfDuties(cycle))).Json();
        report["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_cycle_is_404_and_other_roles_than_auditor_and_hr_admin_get_403()
    {
        await (await _auditor.GetAsync(Routes.Audit.SeparationOfDuties(Guid.NewGuid())))
            .ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
        // Annual: an all-unit semester would meet the other tests' school semesters, and cycles of a kind may not meet.
        var cycle = await _admin.Cycle(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), kind: "Annual");
        foreach (var role in new[] { Roles.Supervisor, Roles.Employee, Roles.Portal })
        {
            await (await app.As(role, Given.PnsNip()).GetAsync(Routes.Audit.SeparationOfDuties(cycle)))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        (await _admin.GetAsync(Routes.Audit.SeparationOfDuties(cycle))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
