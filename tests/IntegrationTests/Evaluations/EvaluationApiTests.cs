using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Evaluations;

/// <summary>A guru rated by the kepala sekolah, whose superior (the kepala dinas) approves; the cycle is in its evaluation phase.</summary>
public sealed class EvaluationApiTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private static readonly object Good = new
    {
        results = "DiAtasEkspektasi", behaviour = "DiAtasEkspektasi",
        rowAssessments = new[] { new { rowKey = "R1", assessment = "Perangkat ajar lengkap" } },
        justification = "Semua target terlampaui",
    };

    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private string _school = "";
    private string _kepalaDinas = "";
    private string _kepalaSekolah = "";
    private string _guru = "";
    private Guid _cycle;

    private HttpClient Rater => app.As(Roles.Supervisor, _kepalaSekolah);

    private HttpClient Approver => app.As(Roles.Supervisor, _kepalaDinas);

    private string Appraisal => Routes.Appraisals.One(_cycle, _guru);

    public async Task InitializeAsync()
    {
        (_school, _kepalaDinas, _kepalaSekolah, _guru) = await _admin.School();
        _cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [_school]);
        await _admin.Open(_cycle, _guru);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task InEvaluation(bool agreed = true)
    {
        if (agreed)
        {
            await app.As(Roles.Employee, _guru).AgreedPlan(Rater, Appraisal);
            await Realised(_guru);
        }

        (await _admin.Post(Routes.Cycles.Evaluation(_cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A realisation on target: what results above expectations rest on (an evaluation without one needs its own justification).</summary>
    private async Task Realised(string nip) =>
        (await app.As(Roles.Employee, nip).Post($"{Routes.Appraisals.One(_cycle, nip)}/realisations", new
        {
            indicatorKey = "R1.1", value = 12, achievedOn = "2026-09-01", evidence = new { link = "https://drive.ambon.go.id/rpp.pdf", description = "RPP" },
        })).StatusCode.Should().Be(HttpStatusCode.Created);

    [Fact]
    public async Task The_rater_evaluates_the_superior_approves_and_the_appraisal_shows_the_final_predikat_with_its_table_version()
    {
        await InEvaluation();

        var evaluated = await Rater.Post($"{Appraisal}/evaluation", Good);
        evaluated.StatusCode.Should().Be(HttpStatusCode.OK, await evaluated.Content.ReadAsStringAsync());
        var approved = await Approver.Post($"{Appraisal}/evaluation/approval", new { });
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        var evaluation = (await (await _admin.GetAsync(Appraisal)).Json())["evaluation"]!;
        evaluation["status"].Str().Should().Be("Approved");
        evaluation["predikat"].Str().Should().Be("SangatBaik");
        evaluation["predikatTableVersion"].Str().Should().Be("PermenPANRB 6/2022");
        evaluation["rowAssessments"]![0]!["rowKey"].Str().Should().Be("R1");
        evaluation["approvedBy"].Should().NotBeNull();

        var before = await app.EventCount();
        (await Approver.Post($"{Appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.EventCount()).Should().Be(before, "a repeated final approval appends nothing");
        await (await Rater.Post($"{Appraisal}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Conflict, "evaluation-final");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_returned_evaluation_is_evaluated_again_and_keeps_the_return_comments()
    {
        await InEvaluation();
        (await Rater.Post($"{Appraisal}/evaluation", Good)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Approver.Post($"{Appraisal}/evaluation/return", new { comments = "Perilaku perlu bukti" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Approver.Post($"{Appraisal}/evaluation/approval", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "evaluation-not-submitted");

        var again = await Rater.Post($"{Appraisal}/evaluation", new { results = "DiBawahEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Target belum tercapai" });

        var evaluation = (await again.Json())["evaluation"]!;
        evaluation["status"].Str().Should().Be("Submitted");
        evaluation["predikat"].Str().Should().Be("ButuhPerbaikan");
        evaluation["returns"]![0]!["comments"].Str().Should().Be("Perilaku perlu bukti");
    }

    [Fact]
    public async Task A_rating_outside_the_three_values_is_400_and_appends_nothing()
    {
        await InEvaluation();
        var before = await app.EventCount();

        await (await Rater.Post($"{Appraisal}/evaluation", new { results = "Luar biasa", behaviour = "SesuaiEkspektasi", justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        await (await Rater.Post($"{Appraisal}/evaluation", new { results = 7, behaviour = "SesuaiEkspektasi", justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        await (await Rater.Post($"{Appraisal}/evaluation", new { behaviour = "SesuaiEkspektasi", justification = "x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Evaluation_before_the_plan_is_agreed_or_before_the_evaluation_phase_is_409_and_appends_nothing()
    {
        await app.As(Roles.Employee, _guru).AgreedPlan(Rater, Appraisal);
        var before = await app.EventCount();
        await (await Rater.Post($"{Appraisal}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-phase");
        (await app.EventCount()).Should().Be(before);

        var unagreed = await _admin.Employee(_school, supervisorNip: _kepalaSekolah);
        await _admin.Open(_cycle, unagreed);
        await InEvaluation(agreed: false);
        before = await app.EventCount();
        await (await Rater.Post($"{Routes.Appraisals.One(_cycle, unagreed)}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Conflict, "plan-not-agreed");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Approval_or_return_by_anyone_but_the_raters_superior_is_403_and_appends_nothing()
    {
        await InEvaluation();
        (await Rater.Post($"{Appraisal}/evaluation", Good)).StatusCode.Should().Be(HttpStatusCode.OK);
        var otherSupervisor = await _admin.Employee("DISDIK");

        var before = await app.EventCount();
        foreach (var stranger in new[] { Rater, app.As(Roles.Employee, _guru), app.As(Roles.Supervisor, otherSupervisor), _admin, app.As(Roles.Auditor) })
        {
            await (await stranger.Post($"{Appraisal}/evaluation/approval", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
            await (await stranger.Post($"{Appraisal}/evaluation/return", new { comments = "Tidak" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        (await app.EventCount()).Should().Be(before);
        (await (await _admin.GetAsync(Appraisal)).Json())["evaluation"]!["status"].Str().Should().Be("Submitted");
    }

    [Fact]
    public async Task Only_the_rater_evaluates_not_hr_admin_nor_the_ratee()
    {
        await InEvaluation();
        var before = await app.EventCount();

        await (await _admin.Post($"{Appraisal}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await Approver.Post($"{Appraisal}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Employee, _guru).Post($"{Appraisal}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Forbidden, "rater-is-ratee");

        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task The_cycle_closes_only_when_every_appraisal_is_final_or_excused_and_then_refuses_evaluation_writes()
    {
        var onLeave = await _admin.Employee(_school, supervisorNip: _kepalaSekolah);
        await _admin.Open(_cycle, onLeave);
        await InEvaluation();
        (await Rater.Post($"{Appraisal}/evaluation", Good)).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        var refused = await (await _admin.Post(Routes.Cycles.Closure(_cycle), new { })).ShouldBeProblem(HttpStatusCode.Conflict, "appraisals-not-final");
        refused["open"]!.GetValue<int>().Should().Be(2);
        await (await Rater.Post($"{Routes.Appraisals.One(_cycle, onLeave)}/excusal", new { reason = "Cuti besar" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);

        var excused = await (await _admin.Post($"{Routes.Appraisals.One(_cycle, onLeave)}/excusal", new { reason = "Cuti besar" })).Json();
        excused["excusal"]!["reason"].Str().Should().Be("Cuti besar");
        (await Approver.Post($"{Appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var closed = await _admin.Post(Routes.Cycles.Closure(_cycle), new { });
        closed.StatusCode.Should().Be(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());

        before = await app.EventCount();
        await (await Rater.Post($"{Appraisal}/evaluation", Good)).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        await (await Approver.Post($"{Appraisal}/evaluation/approval", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        await (await Approver.Post($"{Appraisal}/evaluation/return", new { comments = "x" })).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        await (await _admin.Post($"{Routes.Appraisals.One(_cycle, onLeave)}/excusal", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Only_final_predikat_below_Baik_are_listed_as_support_needs()
    {
        var strong = await _admin.Employee(_school, supervisorNip: _kepalaSekolah);
        await _admin.Open(_cycle, strong);
        await app.As(Roles.Employee, strong).AgreedPlan(Rater, Routes.Appraisals.One(_cycle, strong));
        await Realised(strong);
        await InEvaluation();
        var support = $"{Routes.Cycles.Unit(_cycle, _school)}/support-needs";
        (await Rater.Post($"{Appraisal}/evaluation", new { results = "DiBawahEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Target tidak tercapai" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await Rater.Post($"{Routes.Appraisals.One(_cycle, strong)}/evaluation", Good)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await _admin.GetAsync(support)).Content.ReadAsStringAsync()).Should().Be("[]", "an evaluation still with the approver may change");

        (await Approver.Post($"{Appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Approver.Post($"{Routes.Appraisals.One(_cycle, strong)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var needs = System.Text.Json.Nodes.JsonNode.Parse(await (await _admin.GetAsync(support)).Content.ReadAsStringAsync())!.AsArray();
        needs.Select(n => (n!["nip"].Str(), n["predikat"].Str())).Should().Equal((_guru, "ButuhPerbaikan"));
        await (await app.As(Roles.Employee, _guru).GetAsync(support)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
