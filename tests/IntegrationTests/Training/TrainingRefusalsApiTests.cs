using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Domain.Training;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Training;

/// <summary>Every refusal appends nothing: the event count before and after is the same.</summary>
public sealed class TrainingRefusalsApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    public Task InitializeAsync() => _admin.EnsureBudget("DINSOS", 10_000_000);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0, 5_000_000, "plannedJp")]
    [InlineData(-8, 5_000_000, "plannedJp")]
    [InlineData(24, 0, "cost")]
    [InlineData(24, -1, "cost")]
    public async Task A_request_with_zero_or_negative_JP_or_cost_is_400_and_appends_nothing(int plannedJp, long cost, string field)
    {
        var nip = await _admin.Employee("DINSOS");
        var before = await app.EventCount();

        var problem = await (await _admin.Post(Routes.TrainingGrants.All, TrainingGiven.Grant(nip, plannedJp, cost)))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]![field].Should().NotBeNull();
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task An_empty_request_is_400_naming_every_missing_field()
    {
        var problem = await (await _admin.Post(Routes.TrainingGrants.All, new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(
            ["nip", "program", "provider", "track", "competencyCodes", "plannedJp", "cost", "funding", "reason"]);
    }

    [Fact]
    public async Task Completing_a_grant_that_was_never_approved_is_409_and_appends_nothing()
    {
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee("DINSOS")));
        var before = await app.EventCount();

        await (await _admin.Post(Routes.TrainingGrants.Completion(grant), new { completedOn = "2026-05-08", attendedJp = 24 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "grant-not-approved");

        (await app.EventCount()).Should().Be(before);
        (await _admin.Read<TrainingGrantView>(Routes.TrainingGrants.One(grant))).Status.Should().Be(GrantStatus.Requested);
    }

    [Fact]
    public async Task An_approval_beyond_the_budget_is_409_with_the_remaining_amount_and_appends_nothing()
    {
        await _admin.Unit("DISPAR");
        await _admin.SetBudget("DISPAR", 10_000_000);
        var first = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee("DISPAR"), cost: 7_500_000));
        await _admin.Act(first, "approval");
        var second = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee("DISPAR"), cost: 2_500_001));
        var before = await app.EventCount();

        var problem = await (await _admin.Post(Routes.TrainingGrants.Approval(second), new { }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "budget-exceeded");

        problem.Long("remaining").Should().Be(2_500_000);
        problem.Long("requested").Should().Be(2_500_001);
        (await app.EventCount()).Should().Be(before);
        (await _admin.Read<TrainingBudgetView>(Routes.Units.TrainingBudget("DISPAR", 2026))).Reserved.Should().Be(7_500_000);
    }

    [Fact]
    public async Task A_PPPK_grant_beyond_24_JP_over_the_contract_is_409_and_appends_nothing()
    {
        var pppk = await _admin.PppkEmployee("DINSOS");
        var earlier = await _admin.RequestGrant(TrainingGiven.Grant(pppk, plannedJp: 16, cost: 1_000_000));
        await _admin.Act(earlier, "approval");
        var beyond = await _admin.RequestGrant(TrainingGiven.Grant(pppk, plannedJp: 9, cost: 1_000_000, partner: await _admin.Partner("Universitas Pattimura")));
        var before = await app.EventCount();

        var problem = await (await _admin.Post(Routes.TrainingGrants.Approval(beyond), new { }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "jp-cap-exceeded");

        (problem.Int("capJp"), problem.Int("usedJp"), problem.Int("remainingJp")).Should().Be((24, 16, 8));
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Approving_a_unit_funded_grant_of_a_unit_without_a_budget_is_409()
    {
        await _admin.Unit("BAPPEDA");
        var grant = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee("BAPPEDA")));
        var before = await app.EventCount();

        await (await _admin.Post(Routes.TrainingGrants.Approval(grant), new { })).ShouldBeProblem(HttpStatusCode.Conflict, "training-budget-not-set");

        (await app.EventCount()).Should().Be(before);
    }
}
