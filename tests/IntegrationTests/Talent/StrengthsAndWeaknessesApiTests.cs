using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using static Kinerja.IntegrationTests.Talent.StrengthsJson;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>Strengths and weaknesses where the starting state is small: public feedback, missing appraisals, who may read.</summary>
public sealed class StrengthsAndWeaknessesApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateOnly SecondStart = GivenTwoSemesters.SecondStart;
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task Public_feedback_counts_from_the_fifth_response_on()
    {
        var staff = await _admin.School();
        var cycle = await _admin.StartedCycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);
        await _admin.Open(cycle, staff.Guru);
        var portal = app.As(Roles.Portal, name: "portal-ambon");
        async Task Respond(int i) =>
            (await portal.Post($"{Routes.Appraisals.One(cycle, staff.Guru)}/public-feedback", new
            {
                submissionId = $"survei-{staff.Unit}-{i}",
                respondentGroup = "Parent",
                scores = new Dictionary<string, int> { ["BerorientasiPelayanan"] = 5 },
            })).StatusCode.Should().Be(HttpStatusCode.OK);
        var url = Routes.Employees.StrengthsWeaknesses(staff.Guru);

        for (var i = 1; i <= 4; i++)
        {
            await Respond(i);
        }

        var four = await (await _admin.GetAsync(url)).Json();
        var pelayanan = four["figures"]!["values"]!.AsArray().Should().ContainSingle().Subject!;
        pelayanan["figure"].Should().BeNull();
        var notCounted = pelayanan["sources"]!.AsArray().Should().ContainSingle().Subject!;
        (notCounted["responses"]!.GetValue<int>(), notCounted["counted"]!.GetValue<bool>(), notCounted["notCounted"].Str())
            .Should().Be((4, false, "fewer than 5 public responses"));
        four["strengths"]!.AsArray().Should().BeEmpty();

        await Respond(5);

        var five = await (await _admin.GetAsync(url)).Json();
        var claim = Claim(five["strengths"], "BerorientasiPelayanan");
        claim["figure"]!.GetValue<decimal>().Should().Be(5m);
        claim["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("meets-strength-floor", "unit-too-small-to-compare");
        var counted = claim["value"]!["sources"]!.AsArray().Single()!;
        (counted["source"].Str(), counted["responses"]!.GetValue<int>(), counted["counted"]!.GetValue<bool>()).Should().Be(("Public", 5, true));
    }

    [Fact]
    public async Task An_unknown_employee_or_cycle_or_a_cycle_without_their_appraisal_is_404()
    {
        var staff = await _admin.School();
        var cycle = await _admin.Cycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);

        await (await _admin.GetAsync(Routes.Employees.StrengthsWeaknesses(Given.PnsNip()))).ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
        await (await _admin.GetAsync(Routes.Employees.StrengthsWeaknesses(staff.Guru))).ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
        await (await _admin.GetAsync($"{Routes.Employees.StrengthsWeaknesses(staff.Guru)}?cycle={cycle}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
        await (await _admin.GetAsync($"{Routes.Employees.StrengthsWeaknesses(staff.Guru)}?cycle={Guid.CreateVersion7()}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");
    }

    [Fact]
    public async Task The_employee_their_current_supervisor_and_the_reading_roles_may_read_and_anyone_else_is_refused()
    {
        var staff = await _admin.School();
        var peer = await _admin.Employee(staff.Unit, supervisorNip: staff.KepalaSekolah);
        var cycle = await _admin.Cycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);
        await _admin.Open(cycle, staff.Guru);
        var url = Routes.Employees.StrengthsWeaknesses(staff.Guru);

        foreach (var reader in new[]
        {
            app.As(Roles.Employee, staff.Guru), app.As(Roles.Supervisor, staff.KepalaSekolah), app.As(Roles.Auditor), app.As(Roles.Portal), _admin,
        })
        {
            (await reader.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await (await app.As(Roles.Employee, peer).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, staff.KepalaDinas).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, staff.KepalaSekolah).GetAsync(Routes.Employees.StrengthsWeaknesses(staff.KepalaDinas)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.Anonymous().GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_route_with_an_example()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        document.Should().Contain("/api/v1/employees/{nip}/strengths-weaknesses").And.Contain("in-unit-upper-quartile").And.Contain("below-required-level")
            .And.Contain("Self feedback is shown but does not count");
    }
}
