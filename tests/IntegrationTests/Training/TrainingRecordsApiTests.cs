using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Talent;
using Kinerja.Application.Talent.ListingCandidates;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Application.Training.GettingTrainingNeeds;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
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
        (await _admin.Post(Routes.Employees.CompetencyAssessments(nip), assessment)).StatusCode.Should().Be(HttpStatusCode.OK);

        var needs = await _admin.Read<TrainingNeedsView>(Routes.Employees.TrainingNeeds(nip));
        needs.Needs.Select(n => (n.CompetencyCode, n.CurrentLevel, n.RequiredLevel, n.Gap))
            .Should().Equal(("TEKNIS.JARINGAN", 2, 3, 1), ("TEKNIS.KEAMANAN-INFORMASI", 1, 3, 2));
        var origin = needs.Needs[0].Origins[0];
        (origin.Source, origin.PositionKind, origin.StandardVersion).Should().Be((NeedSource.CurrentPositionStandard, PositionKind.FungsionalKeahlian, "2026.1"));

        var grant = await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: await _admin.Partner("Politeknik Negeri Ambon"), competency: "TEKNIS.JARINGAN"));
        (await _admin.Read<TrainingNeedsView>(Routes.Employees.TrainingNeeds(nip))).Needs[0].AddressedBy.Should().Equal(grant);
        await _admin.Act(grant, "approval");
        await _admin.Schedule(grant);
        await _admin.Act(grant, "completion", new { completedOn = "2026-05-08", attendedJp = 24, newCompetencyLevel = new { code = "TEKNIS.JARINGAN", level = 3 } });

        (await _admin.Read<TrainingNeedsView>(Routes.Employees.TrainingNeeds(nip))).Needs.Select(n => n.CompetencyCode).Should().Equal("TEKNIS.KEAMANAN-INFORMASI");
    }

    [Fact]
    public async Task A_level_a_completed_training_attests_counts_for_placement_as_it_does_for_training_needs()
    {
        var nip = await _admin.Employee("KOMINFO");
        (await _admin.Post(Routes.Employees.CompetencyAssessments(nip), new
        {
            competencies = new[] { new { code = "TEKNIS.JARINGAN", level = 2 }, new { code = "MANAJERIAL.INTEGRITAS", level = 4 } },
            potential = "Menengah", assessedOn = "2026-01-20", assessedBy = "UPT Penilaian Kompetensi BKPSDM",
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        const string code = "KOMINFO-NET";
        (await _admin.Post(Routes.Positions.All, new
        {
            code, name = "Pranata Komputer Ahli Muda", unitCode = "KOMINFO", kind = "FungsionalKeahlian", level = "AhliMuda",
            requirements = new[] { new { code = "TEKNIS.JARINGAN", minLevel = 3 }, new { code = "MANAJERIAL.INTEGRITAS", minLevel = 4 } }, vacancies = 1,
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        (await Fit(nip, code)).Gaps.Select(g => (g.Code, g.Actual)).Should().Equal(("TEKNIS.JARINGAN", (int?)2));

        var grant = await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: await _admin.Partner("Politeknik Negeri Ambon"), competency: "TEKNIS.JARINGAN"));
        await _admin.Act(grant, "approval");
        await _admin.Schedule(grant);
        await _admin.Act(grant, "completion", new { completedOn = "2026-05-08", attendedJp = 24, newCompetencyLevel = new { code = "TEKNIS.JARINGAN", level = 3 } });
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var fit = await Fit(nip, code);
        fit.Gaps.Should().BeEmpty();
        fit.Met.Select(m => (m.Code, m.Actual)).Should().Contain(("TEKNIS.JARINGAN", 3));
    }

    /// <summary>The employee's fit as a candidate for the position (a guru is not recommended a Pranata Komputer post: decision 100).</summary>
    private async Task<PlacementFit> Fit(string nip, string position) =>
        (await _admin.Read<Page<Candidate>>($"{Routes.Positions.Candidates(position)}?limit=100")).Items.Single(c => c.Nip == nip).Fit;

    [Fact]
    public async Task Grants_are_listed_in_request_order_and_paged_without_gaps_or_repeats()
    {
        await _admin.Unit("KOMINFO-PG");
        var nip = await _admin.Employee("KOMINFO-PG");
        var requested = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            requested.Add(await _admin.RequestGrant(TrainingGiven.Grant(nip, partner: await _admin.Partner("Politeknik Negeri Ambon"))));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await _admin.Read<Page<TrainingGrantView>>($"{Routes.TrainingGrants.All}?unit=KOMINFO-PG&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.Should().Equal(requested);
        (await _admin.Read<Page<TrainingGrantView>>($"{Routes.TrainingGrants.All}?employee={nip}&status=Requested&year=2026")).Items.Should().HaveCount(5);
        (await _admin.Read<Page<TrainingGrantView>>($"{Routes.TrainingGrants.All}?unit=KOMINFO-PG&year=2027")).Items.Should().BeEmpty();
        await (await _admin.GetAsync($"{Routes.TrainingGrants.All}?cursor=not-a-cursor")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task An_approval_honours_If_Match_and_approving_again_changes_nothing()
    {
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee("KOMINFO"), partner: await _admin.Partner("Universitas Pattimura")));
        var before = await app.EventCount();
        await (await _admin.Post(Routes.TrainingGrants.Approval(grant), new { }, ifMatch: "\"7\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await app.EventCount()).Should().Be(before);

        var approved = await _admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, Routes.TrainingGrants.Approval(grant)) { Headers = { { "If-Match", "\"1\"" } } });
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        approved.Headers.ETag!.Tag.Should().Be("\"2\"");
        var again = await _admin.Post(Routes.TrainingGrants.Approval(grant), new { });
        again.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await app.EventCount()).Should().Be(before + 2);
    }
}
