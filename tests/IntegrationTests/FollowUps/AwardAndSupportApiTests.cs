using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.FollowUps;

/// <summary>
/// A school of six final appraisals: the default rule puts one (a fifth, at least one) in the top. Scores are the results
/// component alone (no feedback): 100 × realised / 12 dokumen, capped at 120 %.
/// guru A Sangat Baik, 14 realised → 116.67 (rank 1, the candidate); guru B Sangat Baik, 12 → 100 (rank 2);
/// guru C Baik, 6 → 50; guru D Butuh Perbaikan, 3 → 25; guru E Kurang, nothing → 0; the kepala sekolah Baik, nothing → 0.
/// </summary>
public sealed class AwardAndSupportApiTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private static readonly object Evidence = new { link = "https://drive.ambon.go.id/bukti.pdf", description = "Rekap perangkat ajar" };
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private SchoolStaff _staff = null!;
    private string _a = "", _b = "", _c = "", _d = "", _e = "";
    private Guid _cycle;

    private string Unit => _staff.Unit;

    public async Task InitializeAsync()
    {
        _staff = await _admin.School();
        // The kepala dinas's superior approves the kepala sekolah's evaluation; hr-admin no longer approves for anyone.
        var sekda = await _admin.Employee("DISDIK");
        (await _admin.Post(Routes.Employees.SupervisorChanges(_staff.KepalaDinas), new { supervisorNip = sekda, effectiveOn = "2020-01-02" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        _a = _staff.Guru;
        _b = await _admin.Employee(Unit, supervisorNip: _staff.KepalaSekolah);
        _c = await _admin.Employee(Unit, supervisorNip: _staff.KepalaSekolah);
        _d = await _admin.Employee(Unit, supervisorNip: _staff.KepalaSekolah);
        _e = await _admin.Employee(Unit, supervisorNip: _staff.KepalaSekolah);
        _cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [Unit]);
        (await (await _admin.Post(Routes.Cycles.AppraisalOpenings(_cycle), new { })).Json())["opened"]!.GetValue<int>().Should().Be(6);
        var ks = app.As(Roles.Supervisor, _staff.KepalaSekolah);
        var kd = app.As(Roles.Supervisor, _staff.KepalaDinas);
        await ks.AgreedPlan(kd, Appraisal(_staff.KepalaSekolah));
        foreach (var guru in new[] { _a, _b, _c, _d, _e })
        {
            await app.As(Roles.Employee, guru).AgreedPlan(ks, Appraisal(guru));
        }

        (await _admin.Post(Routes.Cycles.Evaluation(_cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (guru, realised, results, behaviour) in new[]
        {
            (_a, 14, "DiAtasEkspektasi", "DiAtasEkspektasi"), (_b, 12, "DiAtasEkspektasi", "DiAtasEkspektasi"), (_c, 6, "SesuaiEkspektasi", "SesuaiEkspektasi"),
            (_d, 3, "DiBawahEkspektasi", "SesuaiEkspektasi"), (_e, 0, "SesuaiEkspektasi", "DiBawahEkspektasi"),
        })
        {
            if (realised > 0)
            {
                var recorded = await app.As(Roles.Employee, guru).Post($"{Appraisal(guru)}/realisations",
                    new { indicatorKey = "R1.1", value = realised, evidence = Evidence, achievedOn = "2026-09-01" });
                recorded.StatusCode.Should().Be(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
            }

            (await ks.Post($"{Appraisal(guru)}/evaluation", new { results, behaviour, justification = "Sesuai capaian SKP" })).StatusCode.Should().Be(HttpStatusCode.OK);
            (await kd.Post($"{Appraisal(guru)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await kd.Post($"{Appraisal(_staff.KepalaSekolah)}/evaluation", new { results = "SesuaiEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Sesuai" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, sekda).Post($"{Appraisal(_staff.KepalaSekolah)}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Appraisal(string nip) => Routes.Appraisals.One(_cycle, nip);

    private object Award(string kind = "Piagam", string? overrideReason = null) =>
        new { cycleId = _cycle, kind, citation = "Guru berprestasi Semester II 2026", grantedOn = "2026-12-20", overrideReason };

    private object Plan(string responsibleNip) => new
    {
        cycleId = _cycle, kinds = new[] { "Coaching", "Training" }, actions = new[] { "Pendampingan penyusunan RPP tiap pekan" }, responsibleNip, reviewOn = "2027-03-31",
    };

    [Fact]
    public async Task The_candidate_is_listed_with_score_and_components_awarded_once_and_the_award_and_support_plan_reach_history_follow_ups_and_feed()
    {
        var candidates = await (await _admin.GetAsync($"{Routes.Cycles.Unit(_cycle, Unit)}/award-candidates")).Json();
        (candidates["final"]!.GetValue<int>(), candidates["topCount"]!.GetValue<int>(), candidates["boundaryScore"]!.GetValue<decimal>()).Should().Be((6, 1, 116.67m));
        candidates["rule"]!["share"]!.GetValue<decimal>().Should().Be(0.2m);
        var only = candidates["items"]!.AsArray().Should().ContainSingle().Subject!;
        (only["nip"].Str(), only["predikat"].Str(), only["rankInUnit"]!.GetValue<int>()).Should().Be((_a, "SangatBaik", 1));
        only["score"]!["value"]!.GetValue<decimal>().Should().Be(116.67m);
        only["score"]!["indicators"]![0]!["achievement"]!.GetValue<decimal>().Should().Be(1.1667m);
        var cityWide = await (await app.As(Roles.Auditor).GetAsync(Routes.Cycles.AwardCandidates(_cycle))).Json();
        cityWide["items"]!.AsArray().Select(i => (i!["unitCode"].Str(), i["nip"].Str())).Should().Equal((Unit, _a));

        var granted = await _admin.Post(Routes.Employees.Awards(_a), Award());
        granted.StatusCode.Should().Be(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        granted.Headers.ETag!.Tag.Should().Be("\"1\"");
        var before = await app.EventCount();
        (await _admin.Post(Routes.Employees.Awards(_a), Award())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.EventCount()).Should().Be(before, "the same award again appends nothing");
        (await _admin.Post(Routes.Employees.SupportPlans(_d), Plan(_staff.KepalaSekolah))).StatusCode.Should().Be(HttpStatusCode.OK);

        var followUps = await (await app.As(Roles.Employee, _a).GetAsync(Routes.Employees.FollowUps(_a))).Json();
        var award = followUps["awards"]!.AsArray().Should().ContainSingle().Subject!;
        (award["kind"].Str(), award["predikat"].Str(), award["score"]!.GetValue<decimal>(), award["rankInUnit"]!.GetValue<int>(), award["grantedOn"].Str())
            .Should().Be(("Piagam", "SangatBaik", 116.67m, 1, "2026-12-20"));
        var plan = (await (await app.As(Roles.Supervisor, _staff.KepalaSekolah).GetAsync(Routes.Employees.FollowUps(_d))).Json())["supportPlans"]![0]!;
        (plan["predikat"].Str(), plan["responsibleNip"].Str(), plan["reviewOn"].Str()).Should().Be(("ButuhPerbaikan", _staff.KepalaSekolah, "2027-03-31"));
        plan["kinds"]!.AsArray().Select(k => k.Str()).Should().Equal("Coaching", "Training");

        var history = await (await app.As(Roles.Auditor).GetAsync($"{Routes.Audit.History(_a)}?type=award_granted")).Json();
        history["items"]!.AsArray().Should().ContainSingle();

        var consumer = new FeedConsumer(app.As(Roles.Portal), limit: 1000);
        bool About(JsonObject item, string type, string nip) => FeedConsumer.TypeOf(item) == type && item["payload"]!["nip"].Str() == nip;
        await consumer.ReadUntil(items => items.Any(i => About(i, "support.plan-recorded", _d)), TimeSpan.FromSeconds(30));
        var published = consumer.Items.Single(i => About(i, "award.granted", _a))["payload"]!;
        (published["kind"].Str(), published["unitCode"].Str(), published["predikat"].Str(), published["grantedOn"].Str()).Should().Be(("Piagam", Unit, "SangatBaik", "2026-12-20"));

        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        document.Should().Contain("/api/v1/employees/{nip}/awards").And.Contain("/api/v1/cycles/{cycleId}/award-candidates")
            .And.Contain("perangkat ajar berdiferensiasi").And.Contain("Pelatihan asesmen diagnostik (20 JP)");
    }

    [Fact]
    public async Task An_award_outside_the_top_needs_an_override_reason_and_support_only_follows_a_predikat_below_baik_refusals_append_nothing()
    {
        var before = await app.EventCount();
        await (await _admin.Post(Routes.Employees.Awards(_b), Award())).ShouldBeProblem(HttpStatusCode.Conflict, "not-award-candidate");
        await (await _admin.Post(Routes.Employees.Awards(_c), Award(overrideReason: "Berjasa"))).ShouldBeProblem(HttpStatusCode.Conflict, "not-sangat-baik");
        await (await _admin.Post(Routes.Employees.SupportPlans(_a), Plan(_staff.KepalaSekolah))).ShouldBeProblem(HttpStatusCode.Conflict, "not-flagged-for-support");
        await (await _admin.Post(Routes.Employees.SupportPlans(_d), Plan(_d))).ShouldBeProblem(HttpStatusCode.Conflict, "responsible-is-employee");
        await (await _admin.Post(Routes.Employees.SupportPlans(_d), Plan(Given.PnsNip()))).ShouldBeProblem(HttpStatusCode.Conflict, "unknown-responsible");
        await (await _admin.Post(Routes.Employees.Awards(_a), new { cycleId = _cycle, kind = "Medali", citation = "x", grantedOn = "2026-12-20" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        var invalid = await (await _admin.Post(Routes.Employees.Awards(_a), new { cycleId = _cycle, citation = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        invalid["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["kind", "citation", "grantedOn"]);
        await (await _admin.Post(Routes.Employees.Awards(_a), new { cycleId = Guid.NewGuid(), kind = "Piagam", citation = "x", grantedOn = "2026-12-20" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
        (await app.EventCount()).Should().Be(before);

        var overridden = await _admin.Post(Routes.Employees.Awards(_b), Award(overrideReason: "Juara lomba guru inovatif tingkat provinsi"));
        overridden.StatusCode.Should().Be(HttpStatusCode.OK, await overridden.Content.ReadAsStringAsync());
        (await overridden.Json())["awards"]![0]!["overrideReason"].Str().Should().Be("Juara lomba guru inovatif tingkat provinsi");
        before = await app.EventCount();
        await (await _admin.Post(Routes.Employees.Awards(_b), Award(overrideReason: "Lain"))).ShouldBeProblem(HttpStatusCode.Conflict, "award-already-granted");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Only_hr_admin_records_follow_ups_and_only_the_employee_their_supervisor_hr_admin_auditor_and_portal_read_them()
    {
        var before = await app.EventCount();
        foreach (var caller in new[] { app.As(Roles.Employee, _a), app.As(Roles.Supervisor, _staff.KepalaSekolah), app.As(Roles.Auditor), app.As(Roles.Portal) })
        {
            await (await caller.Post(Routes.Employees.Awards(_a), Award())).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
            await (await caller.Post(Routes.Employees.SupportPlans(_d), Plan(_staff.KepalaSekolah))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        (await app.EventCount()).Should().Be(before);
        await (await app.As(Roles.Employee, _b).GetAsync(Routes.Employees.FollowUps(_a))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, _staff.KepalaDinas).GetAsync(Routes.Employees.FollowUps(_a))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var empty = await app.As(Roles.Auditor).GetAsync(Routes.Employees.FollowUps(_a));
        (await empty.Json())["awards"]!.AsArray().Should().BeEmpty();
        empty.Headers.ETag!.Tag.Should().Be("\"0\"");
        foreach (var list in new[] { Routes.Cycles.AwardCandidates(_cycle), $"{Routes.Cycles.Unit(_cycle, Unit)}/award-candidates", Routes.Cycles.SupportNeeds(_cycle) })
        {
            await (await app.As(Roles.Employee, _a).GetAsync(list)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task The_city_wide_support_needs_list_is_ordered_by_unit_then_nip_and_pages_by_cursor()
    {
        var first = await (await _admin.GetAsync($"{Routes.Cycles.SupportNeeds(_cycle)}?limit=1")).Json();
        var second = await (await _admin.GetAsync($"{Routes.Cycles.SupportNeeds(_cycle)}?limit=1&cursor={first["nextCursor"].Str()}")).Json();

        var expected = new[] { (_d, "ButuhPerbaikan"), (_e, "Kurang") }.OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => (i!["nip"].Str(), i["predikat"].Str())).Should().Equal(expected);
        first["items"]![0]!["unitCode"].Str().Should().Be(Unit);
        second["nextCursor"].Should().BeNull();
        await (await _admin.GetAsync($"{Routes.Cycles.SupportNeeds(_cycle)}?cursor=bm9wZQ")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }
}
