using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

public sealed class RegisterEmployeeApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public Task InitializeAsync() => _admin.EnsureUnit("DISDIK");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_registered_PNS_is_readable_by_NIP_with_its_version_as_etag()
    {
        var supervisor = await _admin.Employee("DISDIK");
        var nip = Given.PnsNip();
        var created = await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(nip, "DISDIK", supervisor, "2021-03-01"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/v1/employees/{nip}");

        var read = await _admin.GetAsync(Routes.Employees.One(nip));
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var profile = await read.Answer<EmployeeDetails>();
        profile.Nip.Should().Be(nip);
        profile.EmploymentType.Should().Be(EmploymentType.PNS);
        profile.Status.Should().Be(EmploymentStatus.Active);
        profile.Placement!.UnitCode.Should().Be("DISDIK");
        profile.Placement.Golongan.Should().Be("III/c");
        profile.Supervisor!.Nip.Should().Be(supervisor);
    }

    [Fact]
    public async Task A_PPPK_is_registered_without_a_golongan()
    {
        var nip = Given.PppkNip();
        var body = new
        {
            nip, fullName = "Yohana Pattimura", employmentType = "PPPK", unitCode = "DISDIK",
            position = new { title = "Guru", kind = "FungsionalKeahlian", level = "AhliPertama" }, startDate = "2024-01-01",
        };
        (await _admin.PostAsJsonAsync(Routes.Employees.All, body)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _admin.Read<EmployeeDetails>(Routes.Employees.One(nip))).EmploymentType.Should().Be(EmploymentType.PPPK);
    }

    [Theory]
    [InlineData("19860926201505100", "harus tepat 18 digit")]
    [InlineData("19860926201505100A", "harus tepat 18 digit")]
    [InlineData("198602302015051001", "tanggal lahir yang ada")]
    [InlineData("198609262015053001", "jenis kelamin")]
    [InlineData("198609262015051000", "000")]
    [InlineData("200006152017091001", "paling rendah 18 tahun")]
    [InlineData("203001012015051001", "tidak boleh di masa depan")]
    public async Task An_invalid_NIP_is_a_400_naming_the_field_and_appends_nothing(string nip, string message)
    {
        var before = await app.EventCount();
        var problem = await (await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(nip, "DISDIK")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!["nip"]![0]!.GetValue<string>().Should().Contain(message);
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Malformed_JSON_and_a_wrong_enum_value_are_400_and_append_nothing()
    {
        var before = await app.EventCount();
        var malformed = await _admin.PostAsync(Routes.Employees.All, new StringContent("{\"nip\": ", Encoding.UTF8, "application/json"));
        await malformed.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");

        var wrongType = await _admin.PostAsync(Routes.Employees.All,
            new StringContent("{\"nip\":\"198609262015051001\",\"employmentType\":\"Honorer\"}", Encoding.UTF8, "application/json"));
        (await wrongType.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request"))["detail"]!.GetValue<string>().Should().Contain("$.employmentType");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_unit_or_supervisor_and_a_duplicate_NIP_are_409_and_append_nothing()
    {
        var existing = await _admin.Employee("DISDIK");
        var before = await app.EventCount();

        await (await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "DINSOS")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-unit");
        await (await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "DISDIK", supervisorNip: Given.PnsNip())))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-supervisor");
        await (await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(existing, "DISDIK")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "nip-already-registered");

        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_2_MB_body_is_413_and_appends_nothing()
    {
        var before = await app.EventCount();
        var huge = new { nip = Given.PnsNip(), fullName = new string('x', 2 * 1024 * 1024) };
        // As a careful uploader does: the length up front and Expect: 100-continue, so the service can refuse before the
        // body is sent. A chunked body streamed regardless races the refusal: the connection closes mid-send (broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Employees.All) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(huge)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;

        await (await _admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        (await app.EventCount()).Should().Be(before);
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Supervisor)]
    public async Task Roles_other_than_hr_admin_and_portal_cannot_register_employees(string role)
    {
        var before = await app.EventCount();
        var response = await app.As(role, Given.PnsNip()).PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "DISDIK"));
        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task The_portal_service_account_may_register()
    {
        var nip = Given.PnsNip();
        (await app.As(Roles.Portal).PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(nip, "DISDIK"))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Of_concurrent_registrations_of_one_NIP_exactly_one_succeeds()
    {
        for (var round = 0; round < 5; round++)
        {
            var nip = Given.PnsNip();
            var before = await app.EventCount();
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                app.As(Roles.HrAdmin).PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(nip, "DISDIK"))));

            responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await refused.ShouldBeProblem(HttpStatusCode.Conflict, "nip-already-registered");
            }

            (await app.EventCount()).Should().Be(before + 1);
        }
    }
}
