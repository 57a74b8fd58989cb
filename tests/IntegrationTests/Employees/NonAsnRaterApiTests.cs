using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

/// <summary>The Walikota, as PPK, is not an ASN and has no NIP, yet rates the Sekda: the top of the tree gets a rater.</summary>
public sealed class NonAsnRaterApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Official(string code, string unit) => new
    {
        nip = code, fullName = "Walikota Ambon", employmentType = "NonAsn", unitCode = unit,
        position = new { title = "Walikota Ambon", kind = "JPT", level = "Utama" }, startDate = "2019-02-20",
    };

    [Fact]
    public async Task The_Walikota_registered_without_a_NIP_rates_the_Sekda_and_their_approval_makes_it_final()
    {
        var setda = await _admin.NewUnit();
        var code = "PPK-" + setda;
        var registered = await _admin.PostAsJsonAsync(Routes.Employees.All, Official(code, setda));
        registered.StatusCode.Should().Be(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        (await registered.Answer<EmployeeDetails>()).EmploymentType.Should().Be(EmploymentType.NonAsn);
        var sekda = await _admin.Employee(setda, supervisorNip: code);

        var cycle = await _admin.Cycle(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [setda], kind: "Annual");
        var opening = await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycle), new { })).Json();
        opening["opened"]!.GetValue<int>().Should().Be(1, "the Sekda is appraised; the Walikota, not an ASN, is not");
        var appraisal = Routes.Appraisals.One(cycle, sekda);
        var walikota = app.As(Roles.Supervisor, code);
        await app.As(Roles.Employee, sekda).AgreedPlan(walikota, appraisal);
        (await _admin.Post(Routes.Cycles.Start(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await walikota.Post($"{appraisal}/evaluation", new { results = "SesuaiEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Sesuai" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        await (await _admin.Post($"{appraisal}/evaluation/approval", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
        (await walikota.Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var final = await _admin.Read<AppraisalDetails>(appraisal);
        (final.Rater.Nip, final.Evaluation!.Status.ToString()).Should().Be((code, "Approved"));
    }

    [Fact]
    public async Task A_non_ASN_official_with_a_NIP_shaped_key_or_a_golongan_is_400_and_appends_nothing()
    {
        var unit = await _admin.NewUnit();
        var before = await app.EventCount();
        await (await _admin.PostAsJsonAsync(Routes.Employees.All, Official(Given.PnsNip(), unit))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        var withGolongan = new
        {
            nip = "PPK-X" + unit[1..5], fullName = "Walikota", employmentType = "NonAsn", unitCode = unit,
            position = new { title = "Walikota", kind = "JPT", level = "Utama" }, golongan = "IV/e", startDate = "2024-02-20",
        };
        await (await _admin.PostAsJsonAsync(Routes.Employees.All, withGolongan)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.EventCount()).Should().Be(before);
    }
}
