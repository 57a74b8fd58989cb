using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.FollowUps;

/// <summary>Tindak lanjut after closure (ADR 086): awards and support plans until Kinerja:FollowUps:DaysAfterClosing (90), a plan's completion any time after.</summary>
public sealed class FollowUpWindowApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task After_closing_awards_and_support_plans_are_recorded_until_the_window_ends_and_a_plan_is_completed_with_its_outcome()
    {
        var (school, kepalaDinas, kepalaSekolah, best) = await _admin.School();
        var weakest = await _admin.Employee(school, supervisorNip: kepalaSekolah);
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        var ks = app.As(Roles.Supervisor, kepalaSekolah);
        var kd = app.As(Roles.Supervisor, kepalaDinas);
        foreach (var nip in new[] { best, weakest })
        {
            await _admin.Open(cycle, nip);
            await app.As(Roles.Employee, nip).AgreedPlan(ks, Routes.Appraisals.One(cycle, nip));
        }

        (await app.As(Roles.Employee, best).Post($"{Routes.Appraisals.One(cycle, best)}/realisations", new
        {
            indicatorKey = "R1.1", value = 12, achievedOn = "2026-09-01", evidence = new { link = "https://drive.ambon.go.id/rpp.pdf", description = "RPP" },
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (nip, results, behaviour) in new[] { (best, "DiAtasEkspektasi", "DiAtasEkspektasi"), (weakest, "SesuaiEkspektasi", "DiBawahEkspektasi") })
        {
            (await ks.Post($"{Routes.Appraisals.One(cycle, nip)}/evaluation", new { results, behaviour, justification = "Sesuai capaian dan perilaku" }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            (await kd.Post($"{Routes.Appraisals.One(cycle, nip)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await _admin.Post(Routes.Cycles.Closure(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(30));
        (await _admin.Post(Routes.Employees.Awards(best), new { cycleId = cycle, kind = "Piagam", citation = "Guru berprestasi", grantedOn = "2027-02-01" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var plan = new { cycleId = cycle, kinds = new[] { "Counselling" }, actions = new[] { "Konseling disiplin bulanan" }, responsibleNip = kepalaSekolah, reviewOn = "2027-06-30" };
        (await _admin.Post(Routes.Employees.SupportPlans(weakest), plan)).StatusCode.Should().Be(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(61));
        var before = await app.EventCount();
        await (await _admin.Post(Routes.Employees.Awards(best), new { cycleId = cycle, kind = "Satyalancana", citation = "Terlambat", grantedOn = "2027-04-01" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "follow-up-window-closed");
        await (await _admin.Post(Routes.Employees.SupportPlans(weakest), plan with { reviewOn = "2027-09-30" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "follow-up-window-closed");
        (await app.EventCount()).Should().Be(before);

        var completion = new { outcome = "PartlyImproved", notes = "Kehadiran membaik; kerja sama tim belum", completedOn = "2027-06-30" };
        var completed = await (await _admin.Post(Routes.Employees.SupportPlanCompletion(weakest, cycle), completion)).Json();
        var shown = completed["supportPlans"]!.AsArray().Single()!["completion"]!;
        (shown["outcome"].Str(), shown["notes"].Str(), shown["completedOn"].Str()).Should().Be(("PartlyImproved", "Kehadiran membaik; kerja sama tim belum", "2027-06-30"));

        before = await app.EventCount();
        (await _admin.Post(Routes.Employees.SupportPlanCompletion(weakest, cycle), completion)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _admin.Post(Routes.Employees.SupportPlanCompletion(weakest, cycle), completion with { outcome = "Improved" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "support-plan-completed");
        await (await _admin.Post(Routes.Employees.SupportPlanCompletion(best, cycle), completion)).ShouldBeProblem(HttpStatusCode.Conflict, "no-support-plan");
        await (await app.As(Roles.Supervisor, kepalaSekolah).Post(Routes.Employees.SupportPlanCompletion(weakest, cycle), completion))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }
}
