using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Domain.Cycles;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Cycles;

/// <summary>Periods follow their kind's calendar, a periodic cycle belongs to its annual cycle, and no unit has two cycles of a kind at once.</summary>
public sealed class CycleCalendarApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Body(string name, string kind, string start, string end, string[] units, Guid? annualCycleId = null) => new
    {
        name,
        kind,
        periodStart = start,
        periodEnd = end,
        scope = new { allUnits = false, unitCodes = units },
        feedbackWindow = new { opensOn = start, closesOn = end },
        annualCycleId,
    };

    [Fact]
    public async Task Two_annual_cycles_for_the_same_unit_and_year_are_409_and_append_nothing()
    {
        var unit = await _admin.NewUnit();
        (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Tahunan 2026 " + unit, "Annual", "2026-01-01", "2026-12-31", [unit])))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var before = await app.EventCount();
        var problem = await (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Tahunan 2026 lagi " + unit, "Annual", "2026-01-01", "2026-12-31", [unit])))
            .ShouldBeProblem(HttpStatusCode.Conflict, "cycle-overlaps");
        problem["detail"].Str().Should().Contain("Tahunan 2026 " + unit);
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_cycle_over_a_parent_unit_meets_one_over_its_sub_unit_but_not_one_of_another_kind()
    {
        var parent = await _admin.NewUnit();
        var school = await _admin.NewUnit(parent);
        (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Semester I " + parent, "Semester", "2026-01-01", "2026-06-30", [parent])))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var before = await app.EventCount();
        await (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Semester I " + school, "Semester", "2026-01-01", "2026-06-30", [school])))
            .ShouldBeProblem(HttpStatusCode.Conflict, "cycle-overlaps");
        (await app.EventCount()).Should().Be(before);
        (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Triwulan I " + school, "Quarterly", "2026-01-01", "2026-03-31", [school])))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Semester II " + school, "Semester", "2026-07-01", "2026-12-31", [school])))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("Semester", "2026-07-01", "2026-12-30")]
    [InlineData("Quarterly", "2026-02-01", "2026-04-30")]
    [InlineData("Annual", "2026-07-01", "2027-06-30")]
    [InlineData("Monthly", "2026-09-01", "2026-10-31")]
    public async Task A_period_off_its_kinds_calendar_is_400_naming_the_aligned_period_and_appends_nothing(string kind, string start, string end)
    {
        var unit = await _admin.NewUnit();
        var before = await app.EventCount();
        var problem = await (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Salah " + unit, kind, start, end, [unit])))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.ToJsonString().Should().Contain("mengikuti kalender");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_monthly_cycle_links_to_its_annual_cycle_and_a_link_to_a_cycle_that_is_not_its_year_is_409()
    {
        var unit = await _admin.NewUnit();
        var annual = await (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Tahunan " + unit, "Annual", "2026-01-01", "2026-12-31", [unit])))
            .Answer<CycleDetails>();
        var monthly = await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("September " + unit, "Monthly", "2026-09-01", "2026-09-30", [unit], annual.Id));
        monthly.StatusCode.Should().Be(HttpStatusCode.Created, await monthly.Content.ReadAsStringAsync());
        var created = await monthly.Answer<CycleDetails>();
        (created.Kind, created.AnnualCycleId).Should().Be((CycleKind.Monthly, annual.Id));

        var otherUnit = await _admin.NewUnit();
        var before = await app.EventCount();
        await (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Oktober " + unit, "Monthly", "2026-10-01", "2026-10-31", [unit], created.Id)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "annual-cycle-mismatch");
        await (await _admin.PostAsJsonAsync(Routes.Cycles.All, Body("Oktober " + otherUnit, "Monthly", "2026-10-01", "2026-10-31", [otherUnit], annual.Id)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "annual-cycle-mismatch");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_employee_transferred_between_units_with_semesters_of_their_own_gets_a_second_appraisal_only_once_the_first_is_excused()
    {
        var first = await _admin.School();
        var second = await _admin.School();
        (await _admin.Post(Routes.Units.HeadAssignments(second.Unit), new { headNip = second.KepalaSekolah, effectiveOn = "2026-01-02" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var cycleA = await _admin.Cycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [first.Unit]);
        var cycleB = await _admin.Cycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [second.Unit]);
        await _admin.Open(cycleA, first.Guru);
        var transfer = new
        {
            unitCode = second.Unit, position = new { title = "Guru Ahli Muda", kind = "FungsionalKeahlian", level = "AhliMuda" }, golongan = "III/c",
            effectiveOn = "2026-09-01",
        };
        (await _admin.Post(Routes.Employees.Transfers(first.Guru), transfer)).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        await (await _admin.Post(Routes.Cycles.Appraisals(cycleB), new { nip = first.Guru })).ShouldBeProblem(HttpStatusCode.Conflict, "appraisal-overlaps");
        var summary = await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycleB), new { })).Json();
        summary["skipped"]!.AsArray().Should().Contain(s => s!["nip"].Str() == first.Guru && s["code"].Str() == "appraisal-overlaps");
        summary["opened"]!.GetValue<int>().Should().Be(2, "the second school's own head and guru, whom the first cycle never covered");
        (await app.EventCount()).Should().Be(before + 2, "the refused opening appended nothing");

        (await _admin.Post($"{Routes.Appraisals.One(cycleA, first.Guru)}/excusal", new { reason = "Mutasi ke sekolah lain 1 September" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await _admin.Open(cycleB, first.Guru);
    }
}
