using System.Net;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Marten.Events;

namespace Kinerja.IntegrationTests.Training;

public sealed class TrainingRecordsApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public Task InitializeAsync() => _admin.EnsureUnit("KOMINFO");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Needs_come_from_the_assessment_against_the_position_standard_and_a_completed_training_closes_one()
    {
        var nip = await _admin.Employee("KOMINFO");
        var assessment = new
        {
            competencies = new[]
            {
                new { code = "TEKNIS.JARINGAN", level = 2 }, new { code = "TEKNIS.KEAMANAN-INFORMASI", level = 1 }, new { code = "MANAJERIAL.INTEGRITAS", level = 4 },
            },
            potential = "Menengah",
            assessedOn = "2026-01-20",
            assessedBy = "UPT Penilaian Kompetensi BKPSDM",
        };
        (await _admin.Post($"/api/v1/employees/{nip}/competency-assessments", assessment)).StatusCode.Should().Be(HttpStatusCode.OK);

        var needs = await _admin.Get($"/api/v1/employees/{nip}/training-needs");
        needs["needs"]!.AsArray().Select(n => (n!["competencyCode"]!.GetValue<string>(), n.Int("currentLevel"), n.Int("requiredLevel"), n.Int("gap")))
            .Should().Equal(("TEKNIS.JARINGAN", 2, 3, 1), ("TEKNIS.KEAMANAN-INFORMASI", 1, 3, 2));
        var origin = needs["needs"]![0]!["origins"]![0]!;
        (origin["source"]!.GetValue<string>(), origin["positionKind"]!.GetValue<string>(), origin["standardVersion"]!.GetValue<string>())
            .Should().Be(("CurrentPositionStandard", "FungsionalKeahlian", "2026.1"));

        var grant = await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: "Politeknik Negeri Ambon", competency: "TEKNIS.JARINGAN"));
        (await _admin.Get($"/api/v1/employees/{nip}/training-needs"))["needs"]![0]!["addressedBy"]!.AsArray()
            .Select(g => g!.GetValue<string>()).Should().Equal(grant);
        await _admin.Act(grant, "approval");
        await _admin.Schedule(grant);
        await _admin.Act(grant, "completion", new { completedOn = "2026-05-08", attendedJp = 24, newCompetencyLevel = new { code = "TEKNIS.JARINGAN", level = 3 } });

        (await _admin.Get($"/api/v1/employees/{nip}/training-needs"))["needs"]!.AsArray().Select(n => n!["competencyCode"]!.GetValue<string>())
            .Should().Equal("TEKNIS.KEAMANAN-INFORMASI");
    }

    [Fact]
    public async Task A_level_a_completed_training_attests_counts_for_placement_as_it_does_for_training_needs()
    {
        var nip = await _admin.Employee("KOMINFO");
        (await _admin.Post($"/api/v1/employees/{nip}/competency-assessments", new
        {
            competencies = new[] { new { code = "TEKNIS.JARINGAN", level = 2 }, new { code = "MANAJERIAL.INTEGRITAS", level = 4 } },
            potential = "Menengah", assessedOn = "2026-01-20", assessedBy = "UPT Penilaian Kompetensi BKPSDM",
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        const string code = "KOMINFO-NET";
        (await _admin.Post("/api/v1/positions", new
        {
            code, name = "Pranata Komputer Ahli Muda", unitCode = "KOMINFO", kind = "FungsionalKeahlian", level = "AhliMuda",
            requirements = new[] { new { code = "TEKNIS.JARINGAN", minLevel = 3 }, new { code = "MANAJERIAL.INTEGRITAS", minLevel = 4 } }, vacancies = 1,
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        (await Fit(nip, code))["gaps"]!.AsArray().Select(g => (g!["code"]!.GetValue<string>(), g.Int("actual"))).Should().Equal(("TEKNIS.JARINGAN", 2));

        var grant = await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: "Politeknik Negeri Ambon", competency: "TEKNIS.JARINGAN"));
        await _admin.Act(grant, "approval");
        await _admin.Schedule(grant);
        await _admin.Act(grant, "completion", new { completedOn = "2026-05-08", attendedJp = 24, newCompetencyLevel = new { code = "TEKNIS.JARINGAN", level = 3 } });
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var fit = await Fit(nip, code);
        fit["gaps"]!.AsArray().Should().BeEmpty();
        fit["met"]!.AsArray().Select(m => (m!["code"]!.GetValue<string>(), m.Int("actual"))).Should().Contain(("TEKNIS.JARINGAN", 3));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Fit(string nip, string position) =>
        (await _admin.Get($"/api/v1/employees/{nip}/placement-recommendations"))["items"]!.AsArray()
            .Single(r => r!["code"]!.GetValue<string>() == position)!["fit"]!;

    [Fact]
    public async Task Grants_are_listed_in_request_order_and_paged_without_gaps_or_repeats()
    {
        await _admin.Unit("KOMINFO-PG");
        var nip = await _admin.Employee("KOMINFO-PG");
        var requested = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            requested.Add(await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: "Politeknik Negeri Ambon")));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _admin.Get($"/api/v1/training-grants?unit=KOMINFO-PG&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        seen.Should().Equal(requested);
        (await _admin.Get($"/api/v1/training-grants?employee={nip}&status=Requested&year=2026"))["items"]!.AsArray().Should().HaveCount(5);
        (await _admin.Get("/api/v1/training-grants?unit=KOMINFO-PG&year=2027"))["items"]!.AsArray().Should().BeEmpty();
        await (await _admin.GetAsync("/api/v1/training-grants?cursor=not-a-cursor")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task An_approval_honours_If_Match_and_approving_again_changes_nothing()
    {
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee("KOMINFO"), partner: "Universitas Pattimura"));
        var before = await app.EventCount();
        await (await _admin.Post($"/api/v1/training-grants/{grant}/approval", new { }, ifMatch: "\"7\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await app.EventCount()).Should().Be(before);

        var approved = await _admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/training-grants/{grant}/approval") { Headers = { { "If-Match", "\"1\"" } } });
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        approved.Headers.ETag!.Tag.Should().Be("\"2\"");
        var again = await _admin.Post($"/api/v1/training-grants/{grant}/approval", new { });
        again.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await app.EventCount()).Should().Be(before + 2);
    }
}
