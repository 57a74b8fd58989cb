using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Application.Employees.GettingSupervisor;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

public sealed class EmployeeLifecycleApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public async Task InitializeAsync()
    {
        await _admin.EnsureUnit("DISDIK");
        await _admin.EnsureUnit("DINKES");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Naming_someone_below_in_the_line_of_superiors_as_supervisor_is_409_and_appends_nothing()
    {
        var kepalaDinas = await _admin.Employee("DISDIK");
        var kepalaSekolah = await _admin.Employee("DISDIK", supervisorNip: kepalaDinas);
        var guru = await _admin.Employee("DISDIK", supervisorNip: kepalaSekolah);
        var before = await app.EventCount();

        var refused = await _admin.Post(Routes.Employees.SupervisorChanges(kepalaDinas), new { supervisorNip = guru, effectiveOn = "2026-07-01" });

        await refused.ShouldBeProblem(HttpStatusCode.Conflict, "supervision-cycle");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_back_dated_supervisor_change_answers_who_the_superior_was_on_each_date()
    {
        var kepalaSekolah = await _admin.Employee("DISDIK", startDate: "2010-01-04");
        var pengawas = await _admin.Employee("DISDIK", startDate: "2010-01-04");
        var guru = await _admin.Employee("DISDIK", supervisorNip: kepalaSekolah, startDate: "2020-01-02");

        // Recorded today, effective from 1 July: the rater question for June and July must differ.
        var changed = await _admin.Post(Routes.Employees.SupervisorChanges(guru), new { supervisorNip = pengawas, effectiveOn = "2026-07-01" }, ifMatch: "\"1\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.Should().Be("\"2\"");

        var june = await _admin.Read<SupervisorOnDate>($"{Routes.Employees.Supervisor(guru)}?on=2026-06-30");
        june.Supervisor.Nip.Should().Be(kepalaSekolah);
        june.EffectiveFrom.Should().Be(new DateOnly(2020, 1, 2));
        var july = await _admin.Read<SupervisorOnDate>($"{Routes.Employees.Supervisor(guru)}?on=2026-07-01");
        july.Supervisor.Nip.Should().Be(pengawas);
        july.SupervisorEmployed.Should().BeTrue();

        await (await _admin.GetAsync($"{Routes.Employees.Supervisor(guru)}?on=2019-12-31"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not-employed-on-date");
    }

    [Fact]
    public async Task A_transfer_moves_the_employee_from_its_effective_date_and_keeps_the_history()
    {
        var nip = await _admin.Employee("DISDIK", startDate: "2018-02-01");
        var transfer = new
        {
            unitCode = "DINKES",
            position = new { title = "Analis Kebijakan", kind = "FungsionalKeahlian", level = "AhliMuda" },
            golongan = "III/d",
            effectiveOn = "2025-01-02",
        };
        var response = await _admin.Post(Routes.Employees.Transfers(nip), transfer);
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        var profile = await response.Answer<EmployeeDetails>();
        profile.Placement!.UnitCode.Should().Be("DINKES");
        profile.Placements.Select(p => p.UnitCode).Should().Equal("DISDIK", "DINKES");

        // The same transfer again changes nothing: a retry is harmless.
        var before = await app.EventCount();
        (await _admin.Post(Routes.Employees.Transfers(nip), transfer)).Headers.ETag!.Tag.Should().Be("\"2\"");
        (await app.EventCount()).Should().Be(before);

        var list = await _admin.Read<Page<EmployeeListItem>>($"{Routes.Employees.All}?unit=DINKES");
        list.Items.Select(i => i.Nip).Should().Contain(nip);
    }

    [Fact]
    public async Task A_corrected_NIP_becomes_the_address_and_the_former_one_redirects_to_it()
    {
        var nip = await _admin.Employee("DISDIK");
        var newNip = Given.PnsNip();
        var corrected = await _admin.Post(Routes.Employees.NipCorrections(nip), new { newNip, reason = "Salah ketik pada SK" });
        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        corrected.Headers.Location!.ToString().Should().Be($"/api/v1/employees/{newNip}");

        var profile = await _admin.Read<EmployeeDetails>(Routes.Employees.One(newNip));
        profile.FormerNips[0].Nip.Should().Be(nip);
        profile.FormerNips[0].Reason.Should().Be("Salah ketik pada SK");

        var old = await app.As(Roles.HrAdmin, followRedirects: false).GetAsync(Routes.Employees.One(nip));
        old.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        old.Headers.Location!.ToString().Should().Be($"/api/v1/employees/{newNip}");

        var before = await app.EventCount();
        var taken = await _admin.Employee("DISDIK");
        await (await _admin.Post(Routes.Employees.NipCorrections(newNip), new { newNip = taken, reason = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "nip-already-registered");
        await (await _admin.Post(Routes.Employees.NipCorrections(newNip), new { newNip = "123", reason = "x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.EventCount()).Should().Be(before + 1);
    }

    [Fact]
    public async Task A_competency_assessment_is_recorded_and_levels_outside_1_to_5_are_refused()
    {
        var nip = await _admin.Employee("DISDIK");
        var assessment = new
        {
            competencies = new[] { new { code = "teknis.pembelajaran", level = 4 }, new { code = "MANAJERIAL.INTEGRITAS", level = 3 } },
            potential = "Tinggi",
            assessedOn = "2026-03-12",
            assessedBy = "UPT Penilaian Kompetensi",
        };
        var profile = await (await _admin.Post(Routes.Employees.CompetencyAssessments(nip), assessment)).Answer<EmployeeDetails>();
        profile.LatestAssessment!.Potential.Should().Be(Potential.Tinggi);
        profile.LatestAssessment.Competencies.Select(c => c.Code).Should().Equal("MANAJERIAL.INTEGRITAS", "TEKNIS.PEMBELAJARAN");

        var before = await app.EventCount();
        var invalid = assessment with { competencies = new[] { new { code = "X", level = 6 } } };
        await (await _admin.Post(Routes.Employees.CompetencyAssessments(nip), invalid)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task After_employment_ends_every_write_is_refused_and_appends_nothing()
    {
        var nip = await _admin.Employee("DISDIK");
        var ended = await _admin.Post(Routes.Employees.EmploymentEnding(nip), new { reason = "Retired", effectiveOn = "2026-01-01" });
        (await ended.Answer<EmployeeDetails>()).Status.Should().Be(EmploymentStatus.Ended);

        var before = await app.EventCount();
        var transfer = new { unitCode = "DINKES", position = new { title = "Staf", kind = "Pelaksana" }, golongan = "III/a", effectiveOn = "2026-02-01" };
        await (await _admin.Post(Routes.Employees.Transfers(nip), transfer)).ShouldBeProblem(HttpStatusCode.Conflict, "employment-ended");
        await (await _admin.Post(Routes.Employees.SupervisorChanges(nip), new { supervisorNip = (string?)null, effectiveOn = "2026-02-01" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "employment-ended");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_appends_nothing()
    {
        var nip = await _admin.Employee("DISDIK");
        (await _admin.Post(Routes.Employees.SupervisorChanges(nip), new { supervisorNip = await _admin.Employee("DISDIK"), effectiveOn = "2026-01-05" }, ifMatch: "\"1\""))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await app.EventCount();
        var stale = await _admin.Post(Routes.Employees.SupervisorChanges(nip), new { supervisorNip = (string?)null, effectiveOn = "2026-02-01" }, ifMatch: "\"1\"");
        await stale.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_employee_cannot_be_their_own_supervisor()
    {
        var nip = await _admin.Employee("DISDIK");
        await (await _admin.Post(Routes.Employees.SupervisorChanges(nip), new { supervisorNip = nip, effectiveOn = "2026-01-05" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "self-supervision");
    }
}
