using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Appraisals.ListingAppraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Domain.Appraisals;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Hosting;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>A small public feedback cap, so the flood limit is reached in a few requests.</summary>
public sealed class RefusalsApp : ClockedApp
{
    public const int PublicFeedbackCap = 3;

    protected override void Customize(IWebHostBuilder builder)
    {
        base.Customize(builder);
        builder.UseSetting("Kinerja:Appraisals:MaxPublicFeedbackPerAppraisal", PublicFeedbackCap.ToString());
    }
}

/// <summary>Every refusal is a clear problem with a stable code, and appends nothing.</summary>
public sealed class RefusalApiTests(RefusalsApp app) : IClassFixture<RefusalsApp>, IAsyncLifetime
{
    private static readonly DateOnly PeriodStart = new(2026, 7, 1);
    private static readonly DateOnly PeriodEnd = new(2026, 12, 31);
    private static readonly object Evidence = new { link = "https://drive.ambon.go.id/bukti.pdf", description = "Bukti" };
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private string _school = "";
    private string _kepalaSekolah = "";
    private string _guru = "";
    private string _peer = "";
    private Guid _cycle;

    private HttpClient Guru => app.As(Roles.Employee, _guru);

    private HttpClient KepalaSekolah => app.As(Roles.Supervisor, _kepalaSekolah);

    private string Appraisal => Routes.Appraisals.One(_cycle, _guru);

    public async Task InitializeAsync()
    {
        (_school, _, _kepalaSekolah, _guru) = await _admin.School();
        _peer = await _admin.Employee(_school, supervisorNip: _kepalaSekolah);
        _cycle = await _admin.StartedCycle(PeriodStart, PeriodEnd, [_school], closesOn: new DateOnly(2027, 1, 15));
        await _admin.Open(_cycle, _kepalaSekolah);
        await _admin.Open(_cycle, _guru);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Agreement_by_anyone_but_the_rater_is_403_and_appends_nothing()
    {
        (await Guru.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Guru.Post($"{Appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var otherSupervisor = await _admin.Employee(_school);

        var before = await app.EventCount();
        foreach (var stranger in new[] { app.As(Roles.Employee, _peer), app.As(Roles.Supervisor, otherSupervisor), app.As(Roles.Auditor), app.As(Roles.Portal) })
        {
            await (await stranger.Post($"{Appraisal}/plan/agreement", new { version = 1 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        (await app.EventCount()).Should().Be(before);
        (await Guru.Read<PlanView>($"{Appraisal}/plan")).Status.Should().Be(PlanStatus.Submitted);
    }

    [Fact]
    public async Task A_rater_agreeing_or_rating_their_own_appraisal_is_403_rater_is_ratee()
    {
        var own = Routes.Appraisals.One(_cycle, _kepalaSekolah);
        (await KepalaSekolah.Post($"{own}/plan/drafts", GivenCycles.PlanBody())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await KepalaSekolah.Post($"{own}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        await (await KepalaSekolah.Post($"{own}/plan/agreement", new { version = 1 })).ShouldBeProblem(HttpStatusCode.Forbidden, "rater-is-ratee");
        await (await KepalaSekolah.Post($"{own}/feedback", new { source = "Supervisor", scores = new { Akuntabel = 5 } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "rater-is-ratee");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Feedback_is_recorded_only_in_the_givers_own_name_so_hr_admin_cannot_post_the_raters_feedback_and_appends_nothing()
    {
        var before = await app.EventCount();
        await (await _admin.Post($"{Appraisal}/feedback", new { source = "Supervisor", scores = new { Akuntabel = 5 }, giverNip = _kepalaSekolah }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "feedback-in-own-name");
        await (await _admin.Post($"{Appraisal}/feedback", new { source = "Supervisor", scores = new { Akuntabel = 5 } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "feedback-in-own-name");
        await (await app.As(Roles.Employee, _peer).Post($"{Appraisal}/feedback", new { source = "Peer", scores = new { Akuntabel = 5 }, giverNip = _kepalaSekolah }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "feedback-in-own-name");
        (await app.EventCount()).Should().Be(before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_feedback_score_outside_1_to_5_is_400_and_appends_nothing(int score)
    {
        var before = await app.EventCount();
        var problem = await (await KepalaSekolah.Post($"{Appraisal}/feedback", new { source = "Supervisor", scores = new { Akuntabel = score } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!["scores"]![0].Str().Should().Contain("dari 1 sampai 5");
        var publicFeedback = new { submissionId = "s-" + score, respondentGroup = "Parent", scores = new { Harmonis = score } };
        await (await app.As(Roles.Portal).Post($"{Appraisal}/public-feedback", publicFeedback)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_aspect_is_400_naming_the_field_and_appends_nothing()
    {
        var before = await app.EventCount();
        var problem = await (await Guru.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody(aspect: "Kecepatan")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        problem["detail"].Str().Should().Contain("$.rows[0].indicators[0].aspect");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Public_feedback_outside_the_window_is_409_and_appends_nothing()
    {
        var closedWindow = await _admin.StartedCycle(PeriodStart, new DateOnly(2026, 9, 30), [_school], closesOn: app.Today.AddDays(-1), kind: "Quarterly");
        await _admin.Open(closedWindow, _guru);

        var before = await app.EventCount();
        var submission = new { submissionId = "late-1", respondentGroup = "Student", scores = new { BerorientasiPelayanan = 4 } };
        await (await app.As(Roles.Portal).Post($"{Routes.Appraisals.One(closedWindow, _guru)}/public-feedback", submission))
            .ShouldBeProblem(HttpStatusCode.Conflict, "outside-feedback-window");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_repeated_public_submission_id_gets_the_first_answer_again_and_appends_nothing()
    {
        var portal = app.As(Roles.Portal);
        var first = await portal.Post($"{Appraisal}/public-feedback", new { submissionId = "form-77", respondentGroup = "Parent", scores = new { Harmonis = 5 } });
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await app.EventCount();

        var again = await portal.Post($"{Appraisal}/public-feedback", new { submissionId = "form-77", respondentGroup = "Student", scores = new { Harmonis = 1 } });
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await app.EventCount()).Should().Be(before);
        var summary = (await (await _admin.GetAsync(Appraisal)).Json())["feedback"]!.AsArray().Single()!;
        summary["count"]!.GetValue<int>().Should().Be(1);
        summary["values"]![0]!["mean"]!.GetValue<decimal>().Should().Be(5);
    }

    [Fact]
    public async Task Public_feedback_beyond_the_cap_is_409_and_appends_nothing()
    {
        var portal = app.As(Roles.Portal);
        for (var i = 0; i < RefusalsApp.PublicFeedbackCap; i++)
        {
            (await portal.Post($"{Appraisal}/public-feedback", new { submissionId = $"flood-{i}", respondentGroup = "Citizen", scores = new { Loyal = 3 } }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var before = await app.EventCount();
        await (await portal.Post($"{Appraisal}/public-feedback", new { submissionId = "flood-x", respondentGroup = "Citizen", scores = new { Loyal = 3 } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "public-feedback-limit-reached");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Every_write_to_an_appraisal_of_a_closed_cycle_is_409_and_appends_nothing()
    {
        await Guru.AgreedPlan(KepalaSekolah, Appraisal);
        (await _admin.Post(Routes.Cycles.Evaluation(_cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        await _admin.ExcuseAll(_cycle);
        (await _admin.Post(Routes.Cycles.Closure(_cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        var writes = new (HttpClient Client, string Url, object Body)[]
        {
            (Guru, $"{Appraisal}/plan/drafts", GivenCycles.PlanBody(20)),
            (Guru, $"{Appraisal}/realisations", new { indicatorKey = "R1.1", value = 3, evidence = Evidence, achievedOn = "2026-09-01" }),
            (KepalaSekolah, $"{Appraisal}/feedback", new { source = "Supervisor", scores = new { Kompeten = 4 } }),
            (app.As(Roles.Portal), $"{Appraisal}/public-feedback", new { submissionId = "after-close", respondentGroup = "Parent", scores = new { Kompeten = 4 } }),
            (_admin, Routes.Cycles.Appraisals(_cycle), new { nip = _peer }),
            (_admin, Routes.Cycles.AppraisalOpenings(_cycle), new { }),
        };
        foreach (var (client, url, body) in writes)
        {
            await (await client.Post(url, body)).ShouldBeProblem(HttpStatusCode.Conflict, "cycle-closed");
        }

        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_realisation_for_an_indicator_outside_the_agreed_plan_is_409_and_appends_nothing()
    {
        await Guru.AgreedPlan(KepalaSekolah, Appraisal);
        var revision = new
        {
            rows = new[]
            {
                new
                {
                    key = "R1", kind = "Utama", rhk = "Terlaksananya pembelajaran",
                    indicators = new[]
                    {
                        new { key = "R1.1", aspect = "Kuantitas", iki = "Jumlah perangkat ajar", target = new { value = 12, unit = "dokumen" } },
                        new { key = "R1.2", aspect = "Kualitas", iki = "Rata-rata nilai murid", target = new { value = 80, unit = "nilai" } },
                    },
                },
            },
        };
        (await Guru.Post($"{Appraisal}/plan/drafts", revision)).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        foreach (var indicator in new[] { "R9.9", "R1.2" })
        {
            await (await Guru.Post($"{Appraisal}/realisations", new { indicatorKey = indicator, value = 1, evidence = Evidence, achievedOn = "2026-09-01" }))
                .ShouldBeProblem(HttpStatusCode.Conflict, "indicator-not-agreed");
        }

        (await app.EventCount()).Should().Be(before);
        (await Guru.Post($"{Appraisal}/realisations", new { indicatorKey = "R1.1", value = 1, evidence = Evidence, achievedOn = "2026-09-01" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Opening_without_a_rater_or_twice_is_409_and_of_racing_openings_exactly_one_succeeds()
    {
        var noSuperior = await _admin.Employee(_school);
        var before = await app.EventCount();
        await (await _admin.Post(Routes.Cycles.Appraisals(_cycle), new { nip = noSuperior })).ShouldBeProblem(HttpStatusCode.Conflict, "no-rater");
        await (await _admin.Post(Routes.Cycles.Appraisals(_cycle), new { nip = _guru })).ShouldBeProblem(HttpStatusCode.Conflict, "appraisal-already-open");
        (await app.EventCount()).Should().Be(before);

        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.As(Roles.HrAdmin).Post(Routes.Cycles.Appraisals(_cycle), new { nip = _peer })));
        racing.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        foreach (var refused in racing.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblem(HttpStatusCode.Conflict, "appraisal-already-open");
        }

        (await app.EventCount()).Should().Be(before + 1);
    }

    [Fact]
    public async Task Only_the_employee_their_rater_and_approver_and_the_reading_roles_see_an_appraisal()
    {
        await (await app.As(Roles.Employee, _peer).GetAsync(Appraisal)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Employee, _guru).GetAsync(Routes.Cycles.Appraisals(_cycle))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await KepalaSekolah.GetAsync(Appraisal)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Auditor).GetAsync(Appraisal)).StatusCode.Should().Be(HttpStatusCode.OK);

        var rated = await KepalaSekolah.Read<Page<AppraisalListItem>>(Routes.Cycles.Appraisals(_cycle));
        rated.Items.Select(i => i.Nip).Should().Equal(_guru);
    }

    [Fact]
    public async Task The_employee_writes_only_their_own_plan_and_the_portal_and_auditor_write_no_plan()
    {
        var before = await app.EventCount();
        foreach (var other in new[] { app.As(Roles.Employee, _peer), app.As(Roles.Portal), app.As(Roles.Auditor) })
        {
            await (await other.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody())).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        await (await app.As(Roles.Auditor).Post($"{Appraisal}/public-feedback", new { submissionId = "a", respondentGroup = "Other", scores = new { Loyal = 3 } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_plan_row_supporting_an_RHK_the_rater_does_not_have_is_409_naming_the_rule_and_the_keys_that_fit()
    {
        // A school of its own, so no other test of this class has drafted the rater's plan first.
        var (school, _, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(PeriodStart, PeriodEnd, [school]);
        await _admin.Open(cycle, kepalaSekolah);
        await _admin.Open(cycle, guru);
        var drafts = $"{Routes.Appraisals.One(cycle, guru)}/plan/drafts";
        var me = app.As(Roles.Employee, guru);
        var before = await app.EventCount();
        var noRaterPlan = await (await me.Post(drafts, GivenCycles.PlanBody(supports: "KS9")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-supported-rhk");
        noRaterPlan["detail"].Str().Should().Contain("your rater has no plan yet");
        noRaterPlan["supportableKeys"]!.AsArray().Should().BeEmpty();
        (await app.EventCount()).Should().Be(before);

        (await app.As(Roles.Supervisor, kepalaSekolah).Post($"{Routes.Appraisals.One(cycle, kepalaSekolah)}/plan/drafts", GivenCycles.PlanBody()))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        before = await app.EventCount();
        var unknownKey = await (await me.Post(drafts, GivenCycles.PlanBody(supports: "KS9")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-supported-rhk");
        unknownKey["detail"].Str().Should().Contain("KS9 is not one").And.Contain("R1 (Terlaksananya pembelajaran yang berpusat pada murid)");
        unknownKey["supportableKeys"]!.AsArray().Select(k => k.Str()).Should().Equal("R1");
        var malformed = await (await me.Post(drafts, GivenCycles.PlanBody(supports: "R 1")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        malformed["errors"]!.AsObject().Single().Value![0].Str().Should().Contain("kunci baris RHK pada SKP penilai Anda di siklus yang sama", "field messages speak Indonesian unless the caller prefers English");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_cycle_with_an_invalid_period_an_unknown_unit_or_a_taken_name_is_refused_and_only_hr_admin_creates_one()
    {
        var before = await app.EventCount();
        var tooLong = GivenCycles.CycleBody("Triwulan salah", PeriodStart, PeriodEnd, kind: "Quarterly");
        (await (await _admin.PostAsJsonAsync(Routes.Cycles.All, tooLong)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))
            ["errors"]!["periodEnd"]![0].Str().Should().Contain("berlangsung 2026-07-01 sampai 2026-09-30");
        await (await _admin.PostAsJsonAsync(Routes.Cycles.All, GivenCycles.CycleBody("Unit tak dikenal", PeriodStart, PeriodEnd, ["NOPE"])))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-unit");
        await (await app.As(Roles.Portal).PostAsJsonAsync(Routes.Cycles.All, GivenCycles.CycleBody("Portal", PeriodStart, PeriodEnd)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var name = (await _admin.Read<CycleDetails>(Routes.Cycles.One(_cycle))).Name;
        await (await _admin.PostAsJsonAsync(Routes.Cycles.All, GivenCycles.CycleBody(name, PeriodStart, PeriodEnd)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "cycle-name-taken");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Missing_fields_are_400_problems_naming_each_field_and_append_nothing()
    {
        var before = await app.EventCount();
        (await (await _admin.Post(Routes.Cycles.All, new { name = "Tanpa periode" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))
            ["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["kind", "periodStart", "periodEnd", "scope", "feedbackWindow"]);
        (await (await Guru.Post($"{Appraisal}/plan/drafts", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))
            ["errors"]!.AsObject().Select(e => e.Key).Should().Contain("rows");
        (await (await Guru.Post($"{Appraisal}/realisations", new { indicatorKey = "R1.1" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))
            ["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["value", "evidence", "achievedOn"]);
        var noLink = new { indicatorKey = "R1.1", value = 1, achievedOn = "2026-09-01", evidence = new { description = "Bukti", documentHash = "md5:abc" } };
        (await (await Guru.Post($"{Appraisal}/realisations", noLink)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))
            ["errors"]!.AsObject().Select(e => e.Key).Should().Contain("evidence.DocumentHash");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_kind_that_is_not_monthly_quarterly_semester_or_annual_is_400()
    {
        var body = Encoding.UTF8.GetBytes("""{"name":"x","kind":"Weekly","periodStart":"2026-07-01","periodEnd":"2026-07-07"}""");
        var response = await _admin.PostAsync(Routes.Cycles.All, new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        (await response.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request"))["detail"].Str().Should().Contain("$.kind");
    }
}
