using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Worklists;

/// <summary>Each ASN's worklist follows the rater chain as it stands today, Plt/Plh included; hr-admin and auditors have none.</summary>
public sealed class WorklistApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Rated(string results, string behaviour) => new { results, behaviour, justification = "Sesuai capaian SKP dan umpan balik" };

    private async Task<JsonArray> Items(HttpClient caller)
    {
        var list = await (await caller.GetAsync(Routes.Worklist)).Json();
        return list["items"]!.AsArray();
    }

    /// <summary>The guru drafts and submits their plan: it then waits for the rater's agreement.</summary>
    private async Task Submitted(OneDinas d, string nip)
    {
        var guru = app.As(Roles.Employee, nip);
        (await guru.Post($"{d.Appraisal(nip)}/plan/drafts", GivenCycles.PlanBody())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await guru.Post($"{d.Appraisal(nip)}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static IEnumerable<(string Kind, string Nip)> Tasks(JsonArray items) => items.Select(i => (i!["kind"].Str(), i["nip"].Str()));

    [Fact]
    public async Task Plans_awaiting_agreement_evaluations_to_give_and_approvals_reach_the_superior_of_the_day_with_names_status_and_predikat()
    {
        var d = await OneDinas.Build(app);
        var ks = app.As(Roles.Supervisor, d.KepalaSekolah);
        var kd = app.As(Roles.Supervisor, d.KepalaDinas);
        await Submitted(d, d.Guru1);

        var principal = await (await ks.GetAsync(Routes.Worklist)).Json();
        var agree = principal["items"]!.AsArray().Where(i => i!["kind"].Str() == "PlanToAgree").Should().ContainSingle().Subject!;
        (agree["nip"].Str(), agree["fullName"].Str(), agree["status"].Str(), agree["unitCode"].Str()).Should().Be((d.Guru1, "Pegawai " + d.Guru1[^4..], "Submitted", d.School));
        agree["actingFor"].Should().BeNull();
        principal["counts"]!.AsArray().Single(c => c!["kind"].Str() == "PlanToAgree")!["count"]!.GetValue<int>().Should().Be(1);
        Tasks(principal["items"]!.AsArray()).Should().Contain(("PlanToSubmit", d.KepalaSekolah), "her own plan waits for her too");
        Tasks(await Items(app.As(Roles.Employee, d.Guru2))).Should().Equal(new[] { ("PlanToSubmit", d.Guru2) }, "guru 2 has only their own plan to draft");
        Tasks(await Items(kd)).Should().NotContain(t => t.Kind == "PlanToAgree", "the kepala dinas rates the kepala sekolah, not her guru");

        await ks.AgreedPlan(kd, d.Appraisal(d.KepalaSekolah));
        (await ks.Post($"{d.Appraisal(d.Guru1)}/plan/agreement", new { version = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post(Routes.Cycles.Evaluation(d.Cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        Tasks(await Items(ks)).Should().Contain(("EvaluationToGive", d.Guru1)).And.NotContain(("EvaluationToGive", d.Guru2), "guru 2 has no agreed plan");

        (await ks.Post($"{d.Appraisal(d.Guru1)}/evaluation", Rated("SesuaiEkspektasi", "SesuaiEkspektasi"))).StatusCode.Should().Be(HttpStatusCode.OK);
        Tasks(await Items(ks)).Should().NotContain(("EvaluationToGive", d.Guru1));
        var approve = (await Items(kd)).Single(i => i!["kind"].Str() == "EvaluationToApprove")!;
        (approve["nip"].Str(), approve["evaluation"].Str(), approve["predikat"].Str()).Should().Be((d.Guru1, "Submitted", "Baik"));
    }

    [Fact]
    public async Task A_Plh_recorded_for_the_principal_finds_her_tasks_marked_as_acting_for_her_and_a_transfer_moves_them_at_once()
    {
        var d = await OneDinas.Build(app);
        await Submitted(d, d.Guru1);
        var plh = app.As(Roles.Employee, d.Guru2);
        Tasks(await Items(plh)).Should().NotContain(t => t.Kind == "PlanToAgree");

        (await _admin.Post(Routes.Employees.ActingOfficials(d.KepalaSekolah), new { actingNip = d.Guru2, kind = "Plh", from = "2026-09-14", to = "2026-09-18" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var acting = (await Items(plh)).Single(i => i!["kind"].Str() == "PlanToAgree")!;
        (acting["nip"].Str(), acting["actingFor"].Str()).Should().Be((d.Guru1, d.KepalaSekolah));

        // Guru 1 moves to report to the kepala dinas from today: the plan now waits for the kepala dinas, not the school.
        (await _admin.Post(Routes.Employees.SupervisorChanges(d.Guru1), new { supervisorNip = d.KepalaDinas, effectiveOn = app.Today.ToString("yyyy-MM-dd") }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        Tasks(await Items(app.As(Roles.Supervisor, d.KepalaSekolah))).Should().NotContain(("PlanToAgree", d.Guru1));
        Tasks(await Items(app.As(Roles.Supervisor, d.KepalaDinas))).Should().Contain(("PlanToAgree", d.Guru1));
    }

    [Fact]
    public async Task A_worklist_is_paged_by_cursor_in_a_fixed_order_and_refused_to_roles_without_a_line()
    {
        var d = await OneDinas.Build(app);
        await Submitted(d, d.Guru1);
        await Submitted(d, d.Guru2);

        var ks = app.As(Roles.Supervisor, d.KepalaSekolah);
        var whole = Tasks(await Items(ks)).ToList();
        var expected = new[] { ("PlanToSubmit", d.KepalaSekolah) }.Concat(new[] { d.Guru1, d.Guru2 }.Order(StringComparer.Ordinal).Select(n => ("PlanToAgree", n)));
        whole.Should().Equal(expected);
        var first = await (await ks.GetAsync($"{Routes.Worklist}?limit=2")).Json();
        first["items"]!.AsArray().Should().HaveCount(2);
        var second = await (await ks.GetAsync($"{Routes.Worklist}?limit=2&cursor={first["nextCursor"].Str()}")).Json();
        Tasks(first["items"]!.AsArray()).Concat(Tasks(second["items"]!.AsArray())).Should().Equal(whole);
        second["nextCursor"].Should().BeNull();

        await (await _admin.GetAsync(Routes.Worklist)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Auditor).GetAsync(Routes.Worklist)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Portal).GetAsync(Routes.Worklist)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await ks.GetAsync($"{Routes.Worklist}?cursor=not-a-cursor")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Cycle_progress_counts_each_appraisal_at_its_step_per_unit_with_sub_units_for_hr_admin_and_the_heads_only()
    {
        var d = await OneDinas.Build(app);
        await Submitted(d, d.Guru1);
        await app.As(Roles.Supervisor, d.KepalaSekolah).AgreedPlan(app.As(Roles.Supervisor, d.KepalaDinas), d.Appraisal(d.KepalaSekolah));

        var url = $"{Routes.Cycles.Progress(d.Cycle)}?unit={d.Dinas}";
        var progress = await (await _admin.GetAsync(url)).Json();
        progress["items"]!.AsArray().Select(i => i!["unitCode"].Str()).Should().Equal(new[] { d.Dinas, d.School }.Order(StringComparer.Ordinal));
        var school = progress["items"]!.AsArray().Single(i => i!["unitCode"].Str() == d.School)!;
        (school["parentCode"].Str(), Count(school["own"], "planSubmitted"), Count(school["own"], "agreed"), Count(school["own"], "opened"), Count(school["own"], "total"))
            .Should().Be((d.Dinas, 1, 1, 1, 3));
        var dinas = progress["items"]!.AsArray().Single(i => i!["unitCode"].Str() == d.Dinas)!;
        Count(dinas["withSubUnits"], "total").Should().Be(Count(dinas["own"], "total") + 3, "the dinas with its school");
        Count(progress["total"], "total").Should().Be(Count(dinas["withSubUnits"], "total"));

        (await app.As(Roles.Supervisor, d.KepalaSekolah).GetAsync($"{Routes.Cycles.Progress(d.Cycle)}?unit={d.School}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, d.KepalaDinas).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.OpdAdmin, unit: d.Dinas).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await app.As(Roles.Supervisor, d.KepalaSekolah).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, d.KepalaSekolah).GetAsync(Routes.Cycles.Progress(d.Cycle))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Employee, d.Guru1).GetAsync($"{Routes.Cycles.Progress(d.Cycle)}?unit={d.School}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Portal).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _admin.GetAsync(Routes.Cycles.Progress(d.Cycle))).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _admin.GetAsync($"{Routes.Cycles.Progress(d.Cycle)}?unit=NO-SUCH-UNIT")).ShouldBeProblem(HttpStatusCode.NotFound, "unit-not-found");
    }

    private static int Count(JsonNode? counts, string step) => counts![step]!.GetValue<int>();
}
