using System.Net;
using Kinerja.Application.Common;
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
        (await self.GetAsync($"/api/v1/employees/{_subordinate}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await self.GetAsync($"/api/v1/employees/{_stranger}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await self.GetAsync("/api/v1/employees")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_supervisor_reads_and_lists_only_their_current_subordinates()
    {
        var supervisor = app.As(Roles.Supervisor, _supervisor);
        (await supervisor.GetAsync($"/api/v1/employees/{_subordinate}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await supervisor.GetAsync($"/api/v1/employees/{_subordinate}/supervisor")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await supervisor.GetAsync($"/api/v1/employees/{_stranger}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var list = await (await supervisor.GetAsync("/api/v1/employees")).Json();
        list["items"]!.AsArray().Select(i => i!["nip"]!.GetValue<string>()).Should().Equal(_subordinate);
    }

    [Fact]
    public async Task An_auditor_reads_everyone_and_writes_nothing()
    {
        var auditor = app.As(Roles.Auditor);
        (await auditor.GetAsync($"/api/v1/employees/{_stranger}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await auditor.GetAsync($"/api/v1/employees?unit={_unit}")).Json())["items"]!.AsArray().Should().HaveCount(3);

        var before = await app.EventCount();
        await (await auditor.Post($"/api/v1/employees/{_stranger}/employment-ending", new { reason = "Resigned", effectiveOn = "2026-01-01" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_NIP_is_a_404_problem()
    {
        await (await _admin.GetAsync($"/api/v1/employees/{Given.PnsNip()}")).ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
        await (await _admin.Post($"/api/v1/employees/{Given.PnsNip()}/employment-ending", new { reason = "Resigned", effectiveOn = "2026-01-01" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found");
    }
}
