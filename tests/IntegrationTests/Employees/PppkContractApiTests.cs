using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Application.Employees.ListingEndingContracts;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Training;

namespace Kinerja.IntegrationTests.Employees;

/// <summary>PPPK work agreements are facts on the employee, and those ending soon are listed for the extension decision. Today is 2026-09-15.</summary>
public sealed class PppkContractApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private Task<HttpResponseMessage> Contract(string nip, string reference, string startsOn, string endsOn) =>
        _admin.Post(Routes.Employees.Contracts(nip), new { reference, startsOn, endsOn });

    [Fact]
    public async Task An_agreement_and_its_renewal_are_recorded_and_the_renewal_is_marked()
    {
        await _admin.EnsureUnit("DINKES");
        var nip = await _admin.PppkEmployee("DINKES");
        (await Contract(nip, "PK/2024/001", "2024-03-01", "2026-02-28")).StatusCode.Should().Be(HttpStatusCode.OK);
        var renewed = await Contract(nip, "PK/2026/014", "2026-03-01", "2027-02-28");
        renewed.StatusCode.Should().Be(HttpStatusCode.OK, await renewed.Content.ReadAsStringAsync());

        var contracts = (await renewed.Answer<EmployeeDetails>()).Contracts;
        contracts.Select(c => (c.Reference, c.Renewal)).Should().Equal(("PK/2024/001", false), ("PK/2026/014", true));
    }

    [Fact]
    public async Task An_overlapping_or_too_short_agreement_or_one_for_a_PNS_is_409_and_appends_nothing()
    {
        await _admin.EnsureUnit("DINKES");
        var nip = await _admin.PppkEmployee("DINKES");
        (await Contract(nip, "PK/1", "2024-03-01", "2026-02-28")).StatusCode.Should().Be(HttpStatusCode.OK);
        var pns = await _admin.Employee("DINKES");

        var before = await app.EventCount();
        await (await Contract(nip, "PK/2", "2025-03-01", "2027-02-28")).ShouldBeProblem(HttpStatusCode.Conflict, "contract-overlaps");
        await (await Contract(nip, "PK/3", "2026-03-01", "2026-12-31")).ShouldBeProblem(HttpStatusCode.Conflict, "contract-too-short");
        await (await Contract(pns, "PK/4", "2024-03-01", "2026-02-28")).ShouldBeProblem(HttpStatusCode.Conflict, "contract-not-pppk");
        await (await app.As(Roles.Employee, nip).Post(Routes.Employees.Contracts(nip), new { reference = "PK/5", startsOn = "2026-03-01", endsOn = "2027-02-28" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_PPPK_appointed_before_the_age_of_20_is_a_400_and_appends_nothing()
    {
        await _admin.EnsureUnit("DINKES");
        var before = await app.EventCount();
        var response = await _admin.PostAsJsonAsync(Routes.Employees.All, new
        {
            nip = "200501012023210001", fullName = "Terlalu Muda", employmentType = "PPPK", unitCode = "DINKES",
            position = new { title = "Perawat", kind = "FungsionalKeahlian", level = "AhliPertama" }, startDate = "2023-03-01",
        });
        (await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.ToJsonString().Should().Contain("paling rendah 20 tahun");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Agreements_ending_within_the_months_asked_are_listed_soonest_first_for_readers_of_everything_only()
    {
        await _admin.EnsureUnit("DINKES");
        var soon = await _admin.PppkEmployee("DINKES");
        var later = await _admin.PppkEmployee("DINKES");
        var far = await _admin.PppkEmployee("DINKES");
        (await Contract(soon, "PK/S", "2024-03-01", "2026-11-30")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Contract(later, "PK/L", "2024-03-01", "2027-01-31")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Contract(far, "PK/F", "2024-03-01", "2029-02-28")).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = await app.As(Roles.Auditor).Read<Page<EndingContract>>($"{Routes.Employees.ContractsEnding}?withinMonths=6");
        var mine = page.Items.Where(i => i.Nip == soon || i.Nip == later || i.Nip == far).ToList();
        mine.Select(i => (i.Nip, i.EndsOn)).Should().Equal((soon, new DateOnly(2026, 11, 30)), (later, new DateOnly(2027, 1, 31)));
        mine.Should().OnlyContain(i => i.UnitCode == "DINKES" && i.RecentPredikat.Count == 0);

        await (await app.As(Roles.Supervisor, soon).GetAsync($"{Routes.Employees.ContractsEnding}?withinMonths=6")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.GetAsync($"{Routes.Employees.ContractsEnding}?withinMonths=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_PPPK_has_24_JP_in_each_year_of_the_agreement_and_the_25th_in_one_year_is_409_appending_nothing()
    {
        await _admin.EnsureUnit("DINKES");
        var nip = await _admin.PppkEmployee("DINKES");
        // Agreement years run October to September: today (2026-09-15) is in the first, a 2027 grant counts in the second.
        (await Contract(nip, "PK/2025/077", "2025-10-01", "2028-09-30")).StatusCode.Should().Be(HttpStatusCode.OK);
        var partner = await _admin.Partner("Universitas Pattimura");
        object GrantIn(int year, int jp)
        {
            var body = JsonSerializer.SerializeToNode(TrainingGiven.Grant(nip, plannedJp: jp, partner: partner), Given.Web)!;
            body["year"] = year;
            return body;
        }

        foreach (var year in new[] { 2026, 2027 })
        {
            var grant = await _admin.RequestGrant(GrantIn(year, 24));
            (await _admin.Post(Routes.TrainingGrants.Approval(grant), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var extra = await _admin.RequestGrant(GrantIn(2026, 1));
        var before = await app.EventCount();
        await (await _admin.Post(Routes.TrainingGrants.Approval(extra), new { })).ShouldBeProblem(HttpStatusCode.Conflict, "jp-cap-exceeded");
        (await app.EventCount()).Should().Be(before);
    }
}
