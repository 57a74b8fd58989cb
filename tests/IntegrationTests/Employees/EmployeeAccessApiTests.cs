using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

public sealed class EmployeeAccessApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private string _supervisor = "";
    private string _subordinate = "";
    private string _stranger = "";
    private readonly string _unit = "DINSOS-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public async Task InitializeAsync()
    {
        await _admin.Unit(_unit);
        _supervisor = await _admin.Employee(_unit);
        _subordinate = await _admin.Employee(_unit, supervisorNip: _supervisor);
        _stranger = await _admin.Employee(_unit);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_employee_reads_their_own_record_and_nobody_elses()
    {
        var self = app.As(Roles.Employee, _subordinate);
        (await self.GetAsync(Routes.Employees.One(_subordinate))).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await self.GetAsync(Routes.Employees.One(_stranger))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await self.GetAsync(Routes.Employees.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_supervisor_reads_and_lists_only_their_current_subordinates()
    {
        var supervisor = app.As(Roles.Supervisor, _supervisor);
        (await supervisor.GetAsync(Routes.Employees.One(_subordinate))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await supervisor.GetAsync(Routes.Employees.Supervisor(_subordinate))).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await supervisor.GetAsync(Routes.Employees.One(_stranger))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var list = await supervisor.Read<Page<EmployeeListItem>>(Routes.Employees.All);
        list.Items.Select(i => i.Nip).Should().Equal(_subordinate);
        // Every order and the search keep to the subordinates: the list by name once answered a supervisor with the whole registry.
        foreach (var query in new[] { "?order=Name", "?order=Name&limit=1", $"?q={_subordinate[..4]}", $"?q={_subordinate[..4]}&order=Name" })
        {
            (await supervisor.Read<Page<EmployeeListItem>>(Routes.Employees.All + query)).Items.Select(i => i.Nip).Should().Equal([_subordinate], query);
        }
    }

    [Fact]
    public async Task An_auditor_reads_everyone_and_writes_nothing()
    {
        var auditor = app.As(Roles.Auditor);
        (await auditor.GetAsync(Routes.Employees.One(_stranger))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await auditor.Read<Page<EmployeeListItem>>($"{Routes.Employees.All}?unit={_unit}")).Items.Should().HaveCount(3);

        var before = await app.EventCount();
        await (await auditor.Post(Routes.Employees.EmploymentEnding(_stranger), new { reason = "Resigned", effectiveOn = "2026-01-01" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_NIP_is_a_404_problem()
    {
        await (await _admin.GetAsync(Routes.Employees.One(Given.PnsNip()))).ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
        await (await _admin.Post(Routes.Employees.EmploymentEnding(Given.PnsNip()), new { reason = "Resigned", effectiveOn = "2026-01-01" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
    }
}
