using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.IntegrationTests.Harness;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Employees;

/// <summary>A NIP given up in a correction stays its holder's: nobody else registers it or corrects to it (docs/decisions/002, 066).</summary>
public sealed class FormerNipApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public Task InitializeAsync() => _admin.EnsureUnit("DISDIK");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Registering_a_NIP_that_was_somebodys_former_NIP_is_refused_and_appends_nothing()
    {
        var (former, _) = await Corrected();

        var before = await app.EventCount();
        await (await _admin.PostAsJsonAsync(Routes.Employees.All, Given.EmployeeBody(former, "DISDIK")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "nip-already-registered");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Correcting_to_another_employees_former_NIP_is_refused_but_the_holder_may_take_it_back()
    {
        var (former, current) = await Corrected();
        var other = await _admin.Employee("DISDIK");

        await (await _admin.Post(Routes.Employees.NipCorrections(other), new { newNip = former, reason = "x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "nip-already-registered");

        var back = await _admin.Post(Routes.Employees.NipCorrections(current), new { newNip = former, reason = "Koreksi dibatalkan" });
        back.StatusCode.Should().Be(HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
        var profile = await _admin.Read<EmployeeDetails>(Routes.Employees.One(former));
        profile.FormerNips.Select(f => f.Nip).Should().Equal(former, current);
    }

    [Fact]
    public async Task The_former_NIP_lookup_reads_indexes_only()
    {
        var (former, current) = await Corrected();
        await using var scope = app.Services.CreateAsyncScope();
        var plans = new QueryPlans();
        scope.ServiceProvider.GetRequiredService<IQuerySession>().Logger = plans;
        var directory = scope.ServiceProvider.GetRequiredService<IEmployeeDirectory>();

        (await directory.FindByFormerNip(former, CancellationToken.None))!.Nip.Should().Be(current);
        (await directory.FindByFormerNip(Given.PnsNip(), CancellationToken.None)).Should().BeNull();

        plans.Statements.Should().NotBeEmpty();
        (await plans.Explain()).Should().OnlyContain(plan => !plan.Contains("Seq Scan"), "every statement of the lookup has an index to use");
    }

    /// <summary>An employee whose NIP was corrected: the NIP given up and the one held now.</summary>
    private async Task<(string Former, string Current)> Corrected()
    {
        var former = await _admin.Employee("DISDIK");
        var current = Given.PnsNip();
        var corrected = await _admin.Post(Routes.Employees.NipCorrections(former), new { newNip = current, reason = "Salah ketik pada SK" });
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        return (former, current);
    }
}
