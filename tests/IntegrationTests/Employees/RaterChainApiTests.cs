using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Audit.CheckingSeparationOfDuties;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

/// <summary>
/// The rater chain never goes stale: a transfer moves the superior with it, the rater's and approver's acts belong to the
/// superior on the act's date or a Plt/Plh recorded for them, and hr-admin does not act for a rater. Today is 2026-09-15.
/// </summary>
public sealed class RaterChainApiTests(ClockedApp app) : IClassFixture<ClockedApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private SchoolStaff _staff = null!;
    private Guid _cycle;

    private string Appraisal => Routes.Appraisals.One(_cycle, _staff.Guru);

    public async Task InitializeAsync()
    {
        _staff = await _admin.School();
        _cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [_staff.Unit]);
        await _admin.Open(_cycle, _staff.Guru);
        var guru = app.As(Roles.Employee, _staff.Guru);
        (await guru.Post($"{Appraisal}/plan/drafts", GivenCycles.PlanBody())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await guru.Post($"{Appraisal}/plan/submission", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Hr_admin_cannot_agree_or_return_a_plan_for_the_rater_and_appends_nothing()
    {
        var before = await app.EventCount();
        await (await _admin.Post($"{Appraisal}/plan/agreement", new { version = 1 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.Post($"{Appraisal}/plan/return", new { version = 1, comments = "Perbaiki" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.Post($"{Appraisal}/expectations", new { expectations = new { Akuntabel = "Tepat waktu" } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);

        var agreed = await app.As(Roles.Supervisor, _staff.KepalaSekolah).Post($"{Appraisal}/plan/agreement", new { version = 1 });
        agreed.StatusCode.Should().Be(HttpStatusCode.OK, await agreed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_a_supervisor_change_the_former_superior_is_refused_and_the_new_one_agrees()
    {
        var newHead = await _admin.Employee(_staff.Unit, supervisorNip: _staff.KepalaDinas);
        (await _admin.Post(Routes.Employees.SupervisorChanges(_staff.Guru), new { supervisorNip = newHead, effectiveOn = "2026-09-01" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        await (await app.As(Roles.Supervisor, _staff.KepalaSekolah).Post($"{Appraisal}/plan/agreement", new { version = 1 }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);

        var agreed = await app.As(Roles.Supervisor, newHead).Post($"{Appraisal}/plan/agreement", new { version = 1 });
        agreed.StatusCode.Should().Be(HttpStatusCode.OK, await agreed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Plh_recorded_for_the_superior_acts_within_the_period_and_the_report_accepts_it()
    {
        var wakil = await _admin.Employee(_staff.Unit, supervisorNip: _staff.KepalaSekolah);
        var plh = app.As(Roles.Supervisor, wakil);
        var assigned = await _admin.Post(Routes.Employees.ActingOfficials(_staff.KepalaSekolah),
            new { actingNip = wakil, kind = "Plh", from = "2026-09-14", to = "2026-09-18" });
        assigned.StatusCode.Should().Be(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        var acting = (await assigned.Answer<EmployeeDetails>()).ActingOfficials.Should().ContainSingle().Subject;
        (acting.ActingNip, acting.Kind).Should().Be((wakil, ActingKind.Plh));

        var set = await plh.Post($"{Appraisal}/expectations", new { expectations = new { Akuntabel = "Laporan tepat waktu" } });
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await plh.Post($"{Appraisal}/plan/agreement", new { version = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);
        var appraisal = await _admin.Read<AppraisalDetails>(Appraisal);
        appraisal.LeaderExpectations!.Expectations.Should().Equal(new Dictionary<BerAkhlak, string> { [BerAkhlak.Akuntabel] = "Laporan tepat waktu" });

        var findings = await app.As(Roles.Auditor).Read<Page<DutyFinding>>($"{Routes.Audit.SeparationOfDuties(_cycle)}");
        findings.Items.Should().NotContain(f => f.RateeNip == _staff.Guru);
    }

    [Fact]
    public async Task A_Plh_outside_their_period_is_refused_and_appends_nothing()
    {
        var wakil = await _admin.Employee(_staff.Unit, supervisorNip: _staff.KepalaSekolah);
        (await _admin.Post(Routes.Employees.ActingOfficials(_staff.KepalaSekolah), new { actingNip = wakil, kind = "Plt", from = "2026-08-01", to = "2026-08-31" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        await (await app.As(Roles.Supervisor, wakil).Post($"{Appraisal}/plan/agreement", new { version = 1 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_acting_official_for_themselves_or_for_a_backward_period_is_409_and_appends_nothing()
    {
        var before = await app.EventCount();
        await (await _admin.Post(Routes.Employees.ActingOfficials(_staff.KepalaSekolah),
                new { actingNip = _staff.KepalaSekolah, kind = "Plh", from = "2026-09-14", to = "2026-09-18" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "acting-for-self");
        await (await _admin.Post(Routes.Employees.ActingOfficials(_staff.KepalaSekolah), new { actingNip = _staff.Guru, kind = "Plh", from = "2026-09-18", to = "2026-09-14" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "acting-period-invalid");
        await (await app.As(Roles.Supervisor, _staff.KepalaSekolah).Post(Routes.Employees.ActingOfficials(_staff.KepalaSekolah),
                new { actingNip = _staff.Guru, kind = "Plh", from = "2026-09-14", to = "2026-09-18" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_plan_agreed_by_someone_the_registry_later_says_was_not_the_superior_is_a_finding_of_the_report()
    {
        (await app.As(Roles.Supervisor, _staff.KepalaSekolah).Post($"{Appraisal}/plan/agreement", new { version = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await _admin.Employee(_staff.Unit, supervisorNip: _staff.KepalaDinas);
        (await _admin.Post(Routes.Employees.SupervisorChanges(_staff.Guru), new { supervisorNip = other, effectiveOn = "2026-09-01" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var findings = await app.As(Roles.Auditor).Read<Page<DutyFinding>>($"{Routes.Audit.SeparationOfDuties(_cycle)}");
        var finding = findings.Items.Should().ContainSingle(f => f.RateeNip == _staff.Guru).Subject;
        (finding.Type, finding.Kind, finding.ActedBy, finding.ExpectedNip).Should().Be(("plan_agreed", DutyFindingKinds.RaterNotSuperior, _staff.KepalaSekolah, other));
    }

    [Fact]
    public async Task A_transfer_names_the_new_superior_or_takes_the_new_units_head_and_says_which()
    {
        var nip = await _admin.Employee(_staff.Unit, supervisorNip: _staff.KepalaSekolah);
        var named = await _admin.Post(Routes.Employees.Transfers(nip), Transfer(_staff.Unit, "2026-08-01", supervisorNip: _staff.KepalaDinas));
        named.StatusCode.Should().Be(HttpStatusCode.OK, await named.Content.ReadAsStringAsync());
        var afterNamed = await named.Answer<EmployeeDetails>();
        (afterNamed.Supervisors[^1].Supervisor!.Nip, afterNamed.Supervisors[^1].Basis).Should().Be((_staff.KepalaDinas, SupervisorBasis.Named));

        var other = await _admin.School();
        (await _admin.Post(Routes.Units.HeadAssignments(other.Unit), new { headNip = other.KepalaSekolah, effectiveOn = "2026-01-02" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var derived = await (await _admin.Post(Routes.Employees.Transfers(nip), Transfer(other.Unit, "2026-09-01"))).Answer<EmployeeDetails>();
        (derived.Supervisor!.Nip, derived.Supervisors[^1].Basis, derived.Placement!.UnitCode).Should().Be((other.KepalaSekolah, SupervisorBasis.UnitHead, other.Unit));
    }

    [Fact]
    public async Task A_transfer_to_a_unit_without_a_head_naming_nobody_is_409_and_appends_nothing()
    {
        var headless = await _admin.School();
        var before = await app.EventCount();
        await (await _admin.Post(Routes.Employees.Transfers(_staff.Guru), Transfer(headless.Unit, "2026-09-01"))).ShouldBeProblem(HttpStatusCode.Conflict, "no-unit-head");
        (await app.EventCount()).Should().Be(before);
    }

    private static object Transfer(string unitCode, string effectiveOn, string? supervisorNip = null) => new
    {
        unitCode,
        position = new { title = "Guru Ahli Muda", kind = "FungsionalKeahlian", level = "AhliMuda" },
        golongan = "III/c",
        effectiveOn,
        supervisorNip,
    };
}
