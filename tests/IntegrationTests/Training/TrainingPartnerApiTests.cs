using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.Application.Training.MatchingPartners;
using Kinerja.Domain.Training;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Training;

/// <summary>Training partners (mitra kerja sama): registered by BKPSDM, read by auditors and the portal, drawn on by the grants that name them.</summary>
public sealed class TrainingPartnerApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task Only_hr_admin_registers_amends_and_ends_a_partner_and_hr_admin_auditors_and_the_portal_read_it()
    {
        var terms = TrainingGiven.PartnerTerms("Politeknik Negeri Ambon", 10, 200, "2026-01-01", "2027-12-31", "TEKNIS.JARINGAN");
        var before = await app.EventCount();
        foreach (var role in new[] { Roles.Portal, Roles.Auditor, Roles.Employee, Roles.Supervisor, Roles.OpdAdmin })
        {
            await (await app.As(role).Post(Routes.TrainingPartners.All, terms)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        (await app.EventCount()).Should().Be(before);
        var created = await _admin.Post(Routes.TrainingPartners.All, terms);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var partner = await created.Answer<TrainingPartnerView>();
        created.Headers.Location!.ToString().Should().Be(Routes.TrainingPartners.One(partner.Id));
        (partner.Institution, partner.Agreement.EndsOn, partner.Offer.SeatsPerYear, partner.Value, partner.InForceToday).Should()
            .Be(("Politeknik Negeri Ambon", new DateOnly(2027, 12, 31), 10, 250_000_000L, true));
        partner.Years.Should().Equal(new PartnerRemaining(2026, 0, 0, 10, 200));

        foreach (var role in new[] { Roles.Auditor, Roles.Portal })
        {
            (await app.As(role).Read<TrainingPartnerView>(Routes.TrainingPartners.One(partner.Id))).Id.Should().Be(partner.Id);
        }

        await (await app.As(Roles.Employee).GetAsync(Routes.TrainingPartners.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var amended = TrainingGiven.PartnerTerms("Politeknik Negeri Ambon", 12, 240, "2026-01-01", "2028-12-31", "TEKNIS.JARINGAN");
        await (await app.As(Roles.Portal).Post(Routes.TrainingPartners.Amendments(partner.Id), amended)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.Post(Routes.TrainingPartners.Amendments(partner.Id), amended, ifMatch: "\"7\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await (await _admin.Post(Routes.TrainingPartners.Amendments(partner.Id), amended, ifMatch: "\"1\"")).Answer<TrainingPartnerView>())
            .Offer.SeatsPerYear.Should().Be(12);

        var ending = new { endedOn = "2026-12-31", reason = "Kerja sama dialihkan" };
        await (await app.As(Roles.Auditor).Post(Routes.TrainingPartners.AgreementEnding(partner.Id), ending)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var ended = await (await _admin.Post(Routes.TrainingPartners.AgreementEnding(partner.Id), ending)).Answer<TrainingPartnerView>();
        (ended.EndedOn, ended.InForceUntil, ended.EndReason).Should().Be((new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31), "Kerja sama dialihkan"));

        var afterEnd = await app.EventCount();
        await (await _admin.Post(Routes.TrainingPartners.Amendments(partner.Id), amended)).ShouldBeProblem(HttpStatusCode.Conflict, "partner-agreement-ended");
        await (await _admin.Post(Routes.TrainingPartners.One(Guid.NewGuid()) + "/agreement-ending", ending)).ShouldBeProblem(HttpStatusCode.NotFound, "training-partner-not-found");
        (await app.EventCount()).Should().Be(afterEnd);
    }

    [Fact]
    public async Task A_partner_funded_grant_names_a_registered_partner_with_a_seat_left_and_a_refused_one_appends_nothing()
    {
        var unit = await _admin.NewUnit();
        await _admin.EnsureBudget(unit, 10_000_000);
        var nip = await _admin.Employee(unit);
        var partner = await _admin.Partner("Universitas Pattimura", seatsPerYear: 2, jpPerYear: 40, endsOn: "2026-12-31");

        var before = await app.EventCount();
        await (await _admin.Post(Routes.TrainingGrants.All, TrainingGiven.Grant(nip, partner: Guid.NewGuid()))).ShouldBeProblem(HttpStatusCode.Conflict, "partner-not-registered");
        var freeText = new Dictionary<string, object?>
        {
            ["nip"] = nip, ["program"] = "Pelatihan", ["provider"] = "Unpatti", ["track"] = "PelatihanKlasikal", ["competencyCodes"] = new[] { "TEKNIS.GIZI" },
            ["plannedJp"] = 8, ["cost"] = 1_000_000, ["funding"] = new { source = "Partner", partner = "Universitas Pattimura" },
            ["reason"] = new { basis = "CompetencyGap", text = "Gizi" },
        };
        var invalid = await (await _admin.Post(Routes.TrainingGrants.All, freeText)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        invalid["errors"]!.AsObject().Select(e => e.Key).Should().Contain("funding.PartnerId");
        (await app.EventCount()).Should().Be(before);

        var first = await _admin.RequestGrant(TrainingGiven.Grant(nip, plannedJp: 24, partner: partner));
        var second = await _admin.RequestGrant(TrainingGiven.Grant(nip, plannedJp: 16, partner: partner));
        (await _admin.Read<TrainingGrantView>(Routes.TrainingGrants.One(first))).Funding
            .Should().Be(new Funding(FundingSource.Partner, "Universitas Pattimura", partner));

        var full = await app.EventCount();
        var exhausted = await (await _admin.Post(Routes.TrainingGrants.All, TrainingGiven.Grant(nip, plannedJp: 1, partner: partner)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "partner-offer-exhausted");
        (exhausted["seatsLeft"]!.GetValue<int>(), exhausted["jpLeft"]!.GetValue<int>()).Should().Be((0, 0));
        (await app.EventCount()).Should().Be(full);

        await _admin.Act(second, "cancellation", new { reason = "Peserta berhalangan" });
        (await _admin.Read<TrainingPartnerView>(Routes.TrainingPartners.One(partner))).Years[0].Should().Be(new PartnerRemaining(2026, 1, 24, 1, 16));
        await _admin.RequestGrant(TrainingGiven.Grant(nip, plannedJp: 16, partner: partner));

        await _admin.Act(first, "approval");
        var outside = await app.EventCount();
        await (await _admin.Post(Routes.TrainingGrants.One(first) + "/schedule", new { startsOn = "2026-12-28", endsOn = "2027-01-08" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "partner-agreement-not-covering");
        (await app.EventCount()).Should().Be(outside);
        (await _admin.Schedule(first, "2026-12-14", "2026-12-18")).Status.Should().Be(GrantStatus.Scheduled);
    }

    [Fact]
    public async Task A_grant_cannot_draw_on_an_agreement_that_has_ended_or_does_not_reach_its_year()
    {
        var unit = await _admin.NewUnit();
        var nip = await _admin.Employee(unit);
        var partner = await _admin.Partner("Yayasan Kesehatan Maluku", startsOn: "2026-01-01", endsOn: "2026-12-31");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(TrainingGiven.Grant(nip, partner: partner), Given.Web)!;
        body["year"] = 2027;
        var before = await app.EventCount();
        await (await _admin.Post(Routes.TrainingGrants.All, body)).ShouldBeProblem(HttpStatusCode.Conflict, "partner-agreement-not-covering");

        (await _admin.Post(Routes.TrainingPartners.AgreementEnding(partner), new { endedOn = "2026-08-31", reason = "Yayasan dibubarkan" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var ended = await app.EventCount();
        await (await _admin.Post(Routes.TrainingGrants.All, TrainingGiven.Grant(nip, partner: partner))).ShouldBeProblem(HttpStatusCode.Conflict, "partner-agreement-not-covering");
        (await app.EventCount()).Should().Be(ended);
        ended.Should().Be(before + 1);
    }

    [Fact]
    public async Task The_budget_counts_partner_funded_hours_by_registered_partner_beside_the_units_own()
    {
        var unit = await _admin.NewUnit();
        await _admin.EnsureBudget(unit, 10_000_000);
        var nip = await _admin.Employee(unit);
        var pattimura = await _admin.Partner("Universitas Pattimura");
        var funded = await _admin.RequestGrant(TrainingGiven.Grant(nip, plannedJp: 24, partner: pattimura));
        await _admin.Act(funded, "approval");
        var own = await _admin.RequestGrant(TrainingGiven.Grant(nip, plannedJp: 8));
        await _admin.Act(own, "approval");

        var budget = await app.As(Roles.Auditor).Read<TrainingBudgetView>(Routes.Units.TrainingBudget(unit, TrainingGiven.Year));
        budget.Hours.Should().Be(new BudgetHours(new FundedHours(1, 8, 0), new FundedHours(1, 24, 0), new FundedHours(0, 0, 0)));
        budget.PartnerFunded.ByPartner.Should().ContainSingle().Which.Should().Be(
            new PartnerTotal("Universitas Pattimura", 1, 24, 5_000_000, 0, pattimura, new FundedHours(1, 24, 0)));
    }

    [Fact]
    public async Task Partners_are_matched_to_a_competency_and_a_partner_to_the_employees_whose_needs_its_offer_covers()
    {
        var school = await _admin.NewUnit();
        var branch = await _admin.NewUnit(school);
        var gizi = await _admin.Partner("Poltekkes Maluku", competencies: ["TEKNIS.GIZI", "TEKNIS.KEBIDANAN"]);
        var jaringan = await _admin.Partner("Politeknik Negeri Ambon", competencies: ["TEKNIS.JARINGAN"]);
        var weak = await _admin.Employee(branch);
        var strong = await _admin.Employee(school);
        foreach (var (nip, level) in new[] { (weak, 2), (strong, 4) })
        {
            (await _admin.Post(Routes.Employees.CompetencyAssessments(nip), new
            {
                competencies = new[] { new { code = "TEKNIS.GIZI", level }, new { code = "TEKNIS.JARINGAN", level = 4 } },
                potential = "Menengah", assessedOn = "2026-01-20", assessedBy = "UPT Penilaian Kompetensi BKPSDM",
            })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var matching = await app.As(Roles.Portal).Read<Page<TrainingPartnerView>>($"{Routes.TrainingPartners.All}?competency=teknis.gizi&inForce=true&limit=500");
        matching.Items.Select(p => p.Id).Should().Contain(gizi).And.NotContain(jaringan);
        var firstPage = await _admin.Read<Page<TrainingPartnerView>>($"{Routes.TrainingPartners.All}?limit=1");
        firstPage.NextCursor.Should().NotBeNull();
        (await _admin.Read<Page<TrainingPartnerView>>($"{Routes.TrainingPartners.All}?limit=1&cursor={firstPage.NextCursor}")).Items.Single().Id
            .Should().NotBe(firstPage.Items.Single().Id);

        var covered = await app.As(Roles.Auditor).Read<Page<CoveredEmployee>>($"{Routes.TrainingPartners.CoveredNeeds(gizi)}?unit={school}");
        covered.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Nip = weak, UnitCode = branch });
        covered.Items[0].Needs.Should().Equal(new CoveredNeed("TEKNIS.GIZI", 2, 3, 1));
        (await _admin.Read<Page<CoveredEmployee>>($"{Routes.TrainingPartners.CoveredNeeds(jaringan)}?unit={school}")).Items.Should().BeEmpty();
        await (await _admin.GetAsync(Routes.TrainingPartners.CoveredNeeds(gizi))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        await (await app.As(Roles.Supervisor).GetAsync($"{Routes.TrainingPartners.CoveredNeeds(gizi)}?unit={school}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
