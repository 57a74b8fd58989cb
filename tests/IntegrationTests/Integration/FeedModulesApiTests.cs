using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Integration;

public sealed class FeedModulesApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task An_agreed_plan_and_an_approved_grant_reach_the_feed_naming_their_employee()
    {
        var admin = app.As(Roles.HrAdmin);
        await admin.EnsureUnit("DISDIK");
        var rater = await admin.Employee("DISDIK", startDate: "2010-01-04");
        var nip = await admin.Employee("DISDIK", supervisorNip: rater, startDate: "2019-01-02");
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), ["DISDIK"]);
        await admin.Open(cycle, nip);
        await app.As(Roles.Employee, nip).AgreedPlan(app.As(Roles.Supervisor, rater), Routes.Appraisals.One(cycle, nip));

        var grant = await admin.PostAsJsonAsync(Routes.TrainingGrants.All, new
        {
            nip, year = 2026, program = "Pelatihan Asesmen Diagnostik", provider = "Universitas Pattimura", track = "PelatihanNonKlasikal",
            competencyCodes = new[] { "TEKNIS.ASESMEN" }, plannedJp = 12, cost = 1500000,
            funding = new { source = "Partner", partner = "Universitas Pattimura" },
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
}
