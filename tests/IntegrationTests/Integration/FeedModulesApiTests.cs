using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Integration;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Training;

namespace Kinerja.IntegrationTests.Integration;

public sealed class FeedModulesApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task An_agreed_plan_and_an_approved_grant_reach_the_feed_naming_their_employee()
    {
        var admin = app.As(Roles.HrAdmin);
        await admin.EnsureUnit("DISDIK");
        // A school of its own: the other test's semester covers a unit under DISDIK, and cycles of a kind may not meet.
        var school = await admin.NewUnit("DISDIK");
        var rater = await admin.Employee(school, startDate: "2010-01-04");
        var nip = await admin.Employee(school, supervisorNip: rater, startDate: "2019-01-02");
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        await admin.Open(cycle, nip);
        await app.As(Roles.Employee, nip).AgreedPlan(app.As(Roles.Supervisor, rater), Routes.Appraisals.One(cycle, nip));

        var grant = await admin.PostAsJsonAsync(Routes.TrainingGrants.All, new
        {
            nip, year = 2026, program = "Pelatihan Asesmen Diagnostik", provider = "Universitas Pattimura", track = "PelatihanNonKlasikal",
            competencyCodes = new[] { "TEKNIS.ASESMEN" }, plannedJp = 12, cost = 1500000,
            funding = new { source = "Partner", partnerId = await admin.Partner("Universitas Pattimura") },
            reason = new { basis = "CompetencyGap", text = "Asesmen diagnostik belum dikuasai" },
        });
        grant.StatusCode.Should().Be(HttpStatusCode.Created, await grant.Content.ReadAsStringAsync());
        (await admin.Post(grant.Headers.Location + "/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var consumer = new FeedConsumer(app.As(Roles.Portal));
        await consumer.ReadUntil(items => items.Any(i => FeedConsumer.TypeOf(i) == "training.grant-approved"), TimeSpan.FromSeconds(30));

        var planAgreed = consumer.Items.Single(i => FeedConsumer.TypeOf(i) == "skp.plan-agreed");
        planAgreed["payload"]!["nip"]!.GetValue<string>().Should().Be(nip);
        planAgreed["payload"]!["cycleId"]!.GetValue<Guid>().Should().Be(cycle);
        var approved = consumer.Items.Single(i => FeedConsumer.TypeOf(i) == "training.grant-approved");
        approved["payload"]!["nip"]!.GetValue<string>().Should().Be(nip);
        FeedConsumer.PositionOf(approved).Should().BeGreaterThan(FeedConsumer.PositionOf(planAgreed));
    }

    [Fact]
    public async Task Units_cycles_appraisals_unit_results_assessments_and_reversals_reach_the_feed_with_the_actor_and_WIT_instants()
    {
        var admin = app.As(Roles.HrAdmin);
        var head = await admin.FeedHead();
        var unit = "FEED" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await admin.EnsureUnit("DISDIK");
        await admin.Unit(unit, "DISDIK");
        var rater = await admin.Employee(unit, startDate: "2010-01-04");
        var nip = await admin.Employee(unit, supervisorNip: rater, startDate: "2019-01-02");
        (await admin.Post(Routes.Units.Renaming(unit), new { name = "Bidang Umpan" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Post(Routes.Units.HeadAssignments(unit), new { headNip = rater, effectiveOn = "2026-07-01" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Post(Routes.Employees.CompetencyAssessments(nip), new
        {
            competencies = new[] { new { code = "TEKNIS.ASESMEN", level = 2 } }, potential = "Menengah", assessedOn = "2026-01-20", assessedBy = "UPT Penilaian Kompetensi",
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [unit]);
        await admin.Open(cycle, nip);
        var appraisal = Routes.Appraisals.One(cycle, nip);
        var employee = app.As(Roles.Employee, nip);
        var supervisor = app.As(Roles.Supervisor, rater, "Kepala Bidang Umpan");
        (await employee.Post($"{appraisal}/plan/drafts", GivenCycles.PlanBody())).StatusCode.Should().Be(HttpStatusCode.OK);
        var version = (await (await employee.Post($"{appraisal}/plan/submission", new { })).Answer<PlanView>()).Version;
        (await supervisor.Post($"{appraisal}/plan/return", new { version, comments = "Target belum terukur" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Post($"{Routes.Cycles.Unit(cycle, unit)}/result", new { result = "Baik" }, headers: ("X-Reason", "Atas nama Kepala Dinas, nota dinas 7/2026"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var grant = await admin.RequestGrant(TrainingGiven.Grant(nip, partner: await admin.Partner("Universitas Pattimura")));
        (await admin.Post($"{Routes.TrainingGrants.One(grant)}/rejection", new { reason = "Tidak sesuai kebutuhan unit" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var consumer = new FeedConsumer(app.As(Roles.Portal));
        consumer.StartAfter(head);
        await consumer.ReadUntil(items => items.Any(i => FeedConsumer.TypeOf(i) == IntegrationEventTypes.GrantRejected && i["payload"]!["nip"]!.GetValue<string>() == nip),
            TimeSpan.FromSeconds(30));

        var types = consumer.Items.Select(FeedConsumer.TypeOf).ToList();
        types.Should().ContainInOrder(
            IntegrationEventTypes.UnitRegistered, IntegrationEventTypes.UnitRenamed, IntegrationEventTypes.UnitHeadAssigned,
            IntegrationEventTypes.EmployeeCompetencyAssessed, IntegrationEventTypes.CycleCreated, IntegrationEventTypes.CycleStarted,
            IntegrationEventTypes.AppraisalOpened, IntegrationEventTypes.PlanSubmitted, IntegrationEventTypes.PlanReturned,
            IntegrationEventTypes.UnitResultRecorded, IntegrationEventTypes.GrantRequested, IntegrationEventTypes.GrantRejected);
        Single(consumer, IntegrationEventTypes.UnitRegistered, unit, "code")["payload"]!["parentCode"]!.GetValue<string>().Should().Be("DISDIK");
        Single(consumer, IntegrationEventTypes.UnitHeadAssigned, unit, "code")["payload"]!["headNip"]!.GetValue<string>().Should().Be(rater);
        Single(consumer, IntegrationEventTypes.UnitResultRecorded, unit, "unitCode")["payload"]!["result"]!.GetValue<string>().Should().Be("Baik");
        Single(consumer, IntegrationEventTypes.EmployeeCompetencyAssessed, nip, "nip")["payload"]!["competencies"]![0]!["level"]!.GetValue<int>().Should().Be(2);
        var returned = Single(consumer, IntegrationEventTypes.PlanReturned, nip, "nip");
        returned["payload"]!["comments"]!.GetValue<string>().Should().Be("Target belum terukur");
        (returned["actor"]!["nip"]!.GetValue<string>(), returned["actor"]!["role"]!.GetValue<string>(), returned["actor"]!["name"]!.GetValue<string>())
            .Should().Be((rater, Roles.Supervisor, "Kepala Bidang Umpan"));
        returned["occurredAt"]!.GetValue<string>().Should().EndWith("+09:00").And.MatchRegex(@"\.\d{3}\+09:00$");
        returned["recordedAt"]!.GetValue<string>().Should().EndWith("+09:00");
        Single(consumer, IntegrationEventTypes.GrantRejected, nip, "nip")["payload"]!["reason"]!.GetValue<string>().Should().Be("Tidak sesuai kebutuhan unit");
    }

    private static System.Text.Json.Nodes.JsonObject Single(FeedConsumer consumer, string type, string key, string field) =>
        consumer.Items.Single(i => FeedConsumer.TypeOf(i) == type && i["payload"]![field]!.GetValue<string>() == key);
}
