using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Domain.Training;
using Kinerja.IntegrationTests.Harness;

using Kinerja.Domain;

namespace Kinerja.IntegrationTests.Training;

/// <summary>hr-admin approves and manages budgets; employee and rater request; the portal all but budgets; auditors read.</summary>
public sealed class TrainingAccessApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public Task InitializeAsync() => _admin.EnsureBudget("DISDIK", 50_000_000);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_employee_asks_for_their_own_training_and_their_rater_for_a_subordinate_but_not_for_anyone_else()
    {
        var rater = await _admin.Employee("DISDIK");
        var guru = await _admin.Employee("DISDIK", supervisorNip: rater);
        var other = await _admin.Employee("DISDIK");

        await app.As(Roles.Employee, nip: guru).RequestGrant(TrainingGiven.Grant(guru));
        await app.As(Roles.Supervisor, nip: rater).RequestGrant(TrainingGiven.Grant(guru));
        var before = await app.EventCount();
        await (await app.As(Roles.Employee, nip: guru).Post(Routes.TrainingGrants.All, TrainingGiven.Grant(other))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Supervisor, nip: rater).Post(Routes.TrainingGrants.All, TrainingGiven.Grant(other))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Auditor).Post(Routes.TrainingGrants.All, TrainingGiven.Grant(guru))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);

        var own = await app.As(Roles.Employee, nip: guru).Read<Page<TrainingGrantView>>($"{Routes.TrainingGrants.All}?employee={guru}");
        own.Items.Should().HaveCount(2);
        await (await app.As(Roles.Employee, nip: other).GetAsync($"{Routes.TrainingGrants.All}?employee={guru}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Employee, nip: guru).GetAsync(Routes.TrainingGrants.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Only_hr_admin_approves_grants_and_manages_budgets_the_portal_spends_nothing()
    {
        var guru = await _admin.Employee("DISDIK");
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(guru));
        var before = await app.EventCount();

        await (await app.As(Roles.Employee, nip: guru).Post(Routes.TrainingGrants.Approval(grant), new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Auditor).Post(Routes.TrainingGrants.Approval(grant), new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Portal).Post(Routes.Units.TrainingBudgetAdjustments("DISDIK", 2026), new { allocated = 1, reason = "x" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Portal).Post(Routes.Units.TrainingBudget("DISDIK", 2031), new { allocated = 1 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await app.As(Roles.Portal).Post(Routes.TrainingGrants.Approval(grant), new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);

        (await _admin.Act(grant, "approval")).Status.Should().Be(GrantStatus.Approved);
        (await app.As(Roles.Auditor).Read<TrainingBudgetView>(Routes.Units.TrainingBudget("DISDIK", 2026))).Reserved.Should().BeGreaterThan(0);
        (await app.As(Roles.Auditor).Read<TrainingGrantView>(Routes.TrainingGrants.One(grant))).History[1].By.Should().Be(new Actor(null, "hr-admin-user", Roles.HrAdmin, "hr-admin-user"));
    }

    [Fact]
    public async Task The_employee_may_withdraw_a_request_but_only_hr_admin_or_the_portal_cancel_an_approved_grant()
    {
        var guru = await _admin.Employee("DISDIK");
        var employee = app.As(Roles.Employee, nip: guru);
        var request = await employee.RequestGrant(TrainingGiven.Grant(guru));
        (await employee.Act(request, "cancellation", new { reason = "Tidak jadi" })).Status.Should().Be(GrantStatus.Cancelled);

        var approved = await employee.RequestGrant(TrainingGiven.Grant(guru));
        await _admin.Act(approved, "approval");
        var before = await app.EventCount();
        await (await employee.Post(Routes.TrainingGrants.Cancellation(approved), new { reason = "Tidak jadi" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }
}
