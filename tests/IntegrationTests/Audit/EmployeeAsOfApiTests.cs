using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Training;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>
/// A guru whose plan is agreed, who gets a training grant, and whose evaluation is recorded after the period ended
/// (event timestamps come from the database's clock, which is past the fake clock's period end).
/// </summary>
public sealed class EmployeeAsOfApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task As_of_three_instants_gives_the_appraisal_the_grant_and_the_JP_as_then_recorded_with_the_late_evaluation_marked()
    {
        var (school, kepalaDinas, kepalaSekolah, guru) = await _admin.School();
        // This month's cycle: its period ends a few days after today, and periods follow their kind's calendar.
        var (periodStart, periodEnd) = CycleRules.PeriodOf(CycleKind.Monthly, app.Today);
        var cycle = await _admin.StartedCycle(periodStart, periodEnd, [school], kind: "Monthly");
        var rater = app.As(Roles.Supervisor, kepalaSekolah);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        await _admin.Open(cycle, guru);
        await app.As(Roles.Employee, guru).AgreedPlan(rater, appraisal);
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(guru, plannedJp: 24, cost: 2_500_000, partner: await _admin.Partner("Universitas Pattimura")));
        (await _admin.Post(Routes.TrainingGrants.Approval(grant), new { note = "Kemitraan" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await rater.Post($"{appraisal}/evaluation", new
            {
                results = "DiAtasEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Baik", unrealisedJustification = "Dinilai dari supervisi kelas",
            }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, kepalaDinas).Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var history = (await (await _auditor.GetAsync(Routes.Audit.History(guru))).Json())["items"]!.AsArray();
        DateTimeOffset Recorded(string type) => history.Last(i => i!["type"].Str() == type)!["recordedAt"]!.GetValue<DateTimeOffset>();

        var opened = (await AsOf(guru, Recorded("appraisal_opened")))["appraisals"]!.AsArray().Single()!;
        (opened["latestPlanVersion"], opened["agreedPlanVersion"]).Should().Be((null, null), "no plan version exists yet");
        var submitted = (await AsOf(guru, Recorded("plan_submitted")))["appraisals"]!.AsArray().Single()!;
        (submitted["planStatus"].Str(), submitted["latestPlanVersion"]!.GetValue<int>()).Should().Be(("Submitted", 1));
        submitted["agreedPlanVersion"].Should().BeNull("no version is agreed yet, and 0 is not a version");

        var planAgreed = await AsOf(guru, Recorded("plan_agreed"));
        var seen = planAgreed["appraisals"]!.AsArray().Single()!;
        (seen["cycleId"].Str(), seen["periodEnd"].Str(), seen["cyclePhase"].Str(), seen["raterNip"].Str(), seen["approverNip"].Str())
            .Should().Be((cycle.ToString(), periodEnd.ToString("yyyy-MM-dd"), "InProgress", kepalaSekolah, kepalaDinas));
        (seen["planStatus"].Str(), seen["agreedPlanVersion"]!.GetValue<int>(), seen["version"]!.GetValue<long>()).Should().Be(("Agreed", 1, 4L));
        seen["evaluation"].Should().BeNull();
        planAgreed["trainingGrants"]!.AsArray().Should().BeEmpty();
        planAgreed["jp"]!.AsArray().Should().BeEmpty();
        planAgreed["backDated"]!.AsArray().Should().BeEmpty();

        var grantApproved = await AsOf(guru, new[] { Recorded("training_grant_approved"), Recorded("jp_planned") }.Max());
        var granted = grantApproved["trainingGrants"]!.AsArray().Single()!;
        (granted["grantId"]!.GetValue<Guid>(), granted["status"].Str(), granted["plannedJp"]!.GetValue<int>(), granted["cost"]!.GetValue<long>(), granted["program"].Str())
            .Should().Be((grant, "Approved", 24, 2500000L, "Pelatihan TEKNIS.GIZI"));
        var jp = grantApproved["jp"]!.AsArray().Single()!;
        (jp["grantId"]!.GetValue<Guid>(), jp["year"]!.GetValue<int>(), jp["jp"]!.GetValue<int>(), jp["completed"]!.GetValue<bool>()).Should().Be((grant, 2026, 24, false));
        grantApproved["appraisals"]![0]!["evaluation"].Should().BeNull();

        var approved = await AsOf(guru, Recorded("evaluation_approved"));
        var final = approved["appraisals"]!.AsArray().Single()!;
        final["cyclePhase"].Str().Should().Be("Evaluation");
        var evaluation = final["evaluation"]!;
        (evaluation["status"].Str(), evaluation["results"].Str(), evaluation["behaviour"].Str(), evaluation["predikat"].Str())
            .Should().Be(("Approved", "DiAtasEkspektasi", "SesuaiEkspektasi", "Baik"));
        var daysLate = DateOnly.FromDateTime(Recorded("evaluation_submitted").ToOffset(Wit.Offset).DateTime).DayNumber - periodEnd.DayNumber;
        approved["backDated"]!.AsArray().Select(e => (e!["type"].Str(), e["effectiveOn"].Str(), e["daysBackDated"]!.GetValue<int>()))
            .Should().Equal(("evaluation_submitted", periodEnd.ToString("yyyy-MM-dd"), daysLate), ("evaluation_approved", periodEnd.ToString("yyyy-MM-dd"), daysLate));
        approved["trainingGrants"]!.AsArray().Should().ContainSingle();
    }

    private async Task<JsonObject> AsOf(string nip, DateTimeOffset at)
    {
        var response = await _auditor.GetAsync($"/api/v1/audit/employees/{nip}/as-of?at={Uri.EscapeDataString(at.ToString("O"))}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }
}
