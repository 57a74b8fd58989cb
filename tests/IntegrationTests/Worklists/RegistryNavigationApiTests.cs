using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Worklists;

/// <summary>Subordinates on a date, a unit with its sub-units, search by name, position or NIP prefix, and the opd-admin's own subtree.</summary>
public sealed class RegistryNavigationApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static IEnumerable<string> Nips(JsonObject page) => page["items"]!.AsArray().Select(i => i!["nip"].Str());

    private async Task<string> Person(HttpClient caller, string unit, string fullName, string title, string? supervisorNip = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var nip = Given.PnsNip();
        var response = await caller.PostAsJsonAsync(Routes.Employees.All, new
        {
            nip, fullName, employmentType = "PNS", unitCode = unit,
            position = new { title, kind = "FungsionalKeahlian", level = "AhliMuda" }, golongan = "III/c", supervisorNip, startDate = "2020-01-02",
        });
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return nip;
    }

    [Fact]
    public async Task Subordinates_of_an_employee_are_those_reporting_to_them_on_the_date_asked()
    {
        var d = await OneDinas.Build(app, opened: false);
        (await _admin.Post(Routes.Employees.SupervisorChanges(d.Guru2), new { supervisorNip = d.KepalaDinas, effectiveOn = "2026-10-01" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var today = await (await _admin.GetAsync(Routes.Employees.Subordinates(d.KepalaSekolah))).Json();
        Nips(today).Should().Equal(new[] { d.Guru1, d.Guru2 }.Order(StringComparer.Ordinal));
        today["items"]!.AsArray().Select(i => i!["fullName"].Str()).Should().OnlyContain(n => n.StartsWith("Pegawai ", StringComparison.Ordinal));
        Nips(await (await _admin.GetAsync($"{Routes.Employees.Subordinates(d.KepalaSekolah)}?on=2026-10-01")).Json()).Should().Equal(d.Guru1);
        Nips(await (await _admin.GetAsync($"{Routes.Employees.Subordinates(d.KepalaDinas)}?on=2026-10-01")).Json())
            .Should().Equal(new[] { d.KepalaSekolah, d.Guru2 }.Order(StringComparer.Ordinal));
        var first = await (await _admin.GetAsync($"{Routes.Employees.Subordinates(d.KepalaSekolah)}?limit=1")).Json();
        var second = await (await _admin.GetAsync($"{Routes.Employees.Subordinates(d.KepalaSekolah)}?limit=1&cursor={first["nextCursor"].Str()}")).Json();
        Nips(first).Concat(Nips(second)).Should().Equal(Nips(today));
        second["nextCursor"].Should().BeNull();

        (await app.As(Roles.Supervisor, d.KepalaSekolah).GetAsync(Routes.Employees.Subordinates(d.KepalaSekolah))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.OpdAdmin, unit: d.Dinas).GetAsync(Routes.Employees.Subordinates(d.KepalaSekolah))).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await app.As(Roles.Employee, d.Guru1).GetAsync(Routes.Employees.Subordinates(d.KepalaSekolah))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.GetAsync(Routes.Employees.Subordinates(Given.PnsNip()))).ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
    }

    [Fact]
    public async Task A_page_of_subordinates_is_filled_past_former_subordinates_who_come_first_by_NIP()
    {
        var unit = await _admin.NewUnit();
        var lead = await Person(_admin, unit, "Pegawai Kepala", "Kepala Seksi");
        var other = await Person(_admin, unit, "Pegawai Kepala Lain", "Kepala Seksi");
        var staff = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            staff.Add(await Person(_admin, unit, $"Pegawai Staf {i}", "Analis Kepegawaian", lead));
        }

        // The two first by NIP move to another superior: a page of one read by NIP meets them before the one who stays.
        var ordered = staff.Order(StringComparer.Ordinal).ToList();
        foreach (var moved in ordered.Take(2))
        {
            (await _admin.Post(Routes.Employees.SupervisorChanges(moved), new { supervisorNip = other, effectiveOn = "2026-10-01" }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var after = await (await _admin.GetAsync($"{Routes.Employees.Subordinates(lead)}?on=2026-10-01&limit=1")).Json();
        Nips(after).Should().Equal(ordered[2]);
        after["nextCursor"].Should().BeNull();
        var before = await (await _admin.GetAsync($"{Routes.Employees.Subordinates(lead)}?limit=2")).Json();
        var rest = await (await _admin.GetAsync($"{Routes.Employees.Subordinates(lead)}?limit=2&cursor={before["nextCursor"].Str()}")).Json();
        Nips(before).Concat(Nips(rest)).Should().Equal(ordered);
        rest["nextCursor"].Should().BeNull();
    }

    [Fact]
    public async Task A_unit_lists_with_its_sub_units_when_asked_and_the_registry_is_searched_by_name_position_or_NIP_prefix_in_name_order()
    {
        var dinas = await _admin.NewUnit();
        var school = await _admin.NewUnit(dinas);
        var staff = await Person(_admin, dinas, "Johanis Pattikawa", "Analis Kepegawaian");
        var rina = await Person(_admin, school, "Rina Latuheru", "Guru Ahli Muda");
        var maria = await Person(_admin, school, "Maria Tuhumury", "Guru Ahli Pertama");

        Nips(await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}")).Json()).Should().Equal(staff);
        Nips(await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&includeSubUnits=true&order=Name")).Json()).Should().Equal(staff, maria, rina);
        Nips(await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&includeSubUnits=true&q=latuheru")).Json()).Should().Equal(rina);
        Nips(await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&includeSubUnits=true&q=guru&order=Name")).Json()).Should().Equal(maria, rina);
        Nips(await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&includeSubUnits=true&q={rina[..12]}")).Json()).Should().Contain(rina);

        var first = await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&includeSubUnits=true&order=Name&limit=2")).Json();
        Nips(first).Should().Equal(staff, maria);
        var second = await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&includeSubUnits=true&order=Name&limit=2&cursor={first["nextCursor"].Str()}")).Json();
        Nips(second).Should().Equal(rina);
        second["nextCursor"].Should().BeNull();
        await (await _admin.GetAsync($"{Routes.Employees.All}?unit={dinas}&order=Nip&cursor={first["nextCursor"].Str()}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.GetAsync($"{Routes.Employees.All}?unit=NO-SUCH-UNIT&includeSubUnits=true")).ShouldBeProblem(HttpStatusCode.NotFound, "unit-not-found");
    }

    [Fact]
    public async Task An_opd_admin_reads_and_writes_the_registry_of_its_own_subtree_only_and_a_refused_write_appends_nothing()
    {
        var d = await OneDinas.Build(app, opened: false);
        var other = await _admin.NewUnit();
        var opd = app.As(Roles.OpdAdmin, name: "Admin Kepegawaian Dinas", unit: d.Dinas);

        var newcomer = await Person(opd, d.School, "Yosina Sahetapy", "Guru Ahli Pertama", d.KepalaSekolah);
        var schoolTwo = await opd.PostAsJsonAsync(Routes.Units.All, new { code = "S2" + d.Dinas[1..], name = "SD Negeri 2", parentCode = d.Dinas });
        schoolTwo.StatusCode.Should().Be(HttpStatusCode.Created, await schoolTwo.Content.ReadAsStringAsync());
        (await opd.Post(Routes.Units.HeadAssignments(d.School), new { headNip = d.Guru1, effectiveOn = "2026-10-01" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await opd.GetAsync(Routes.Employees.One(newcomer))).StatusCode.Should().Be(HttpStatusCode.OK);
        Nips(await (await opd.GetAsync(Routes.Employees.All)).Json()).Should().Contain(new[] { d.KepalaDinas, d.Guru1, newcomer });

        var outsider = await _admin.Employee(other);
        var before = await app.EventCount();
        await (await opd.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), other))).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.Post(Routes.Employees.Transfers(d.Guru2), Given.TransferBody(other))).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.Post(Routes.Employees.EmploymentEnding(outsider), new { reason = "Retired", effectiveOn = "2026-12-31" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.Post(Routes.Units.Renaming(other), new { name = "Bukan unit saya" })).ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.PostAsJsonAsync(Routes.Units.All, new { code = "X" + d.Dinas[1..], name = "OPD baru", parentCode = (string?)null }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "outside-unit-scope");
        await (await opd.GetAsync(Routes.Employees.One(outsider))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await opd.GetAsync($"{Routes.Employees.All}?unit={other}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await opd.Post(Routes.Cycles.All, GivenCycles.CycleBody("Siklus OPD", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), [d.Dinas])))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }
}
