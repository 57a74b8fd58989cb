using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.GettingJpLedger;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Training;

/// <summary>Two writes that each fit but not both, sent at once: the store's version check on one stream lets exactly one win.</summary>
public sealed class BudgetRaceApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private const int Rounds = 10;
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _otherAdmin = app.As(Roles.HrAdmin, name: "other-admin");

    [Fact]
    public async Task Two_approvals_racing_for_the_last_rupiah_never_overspend_and_the_loser_is_told_what_remains()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var unit = $"RACE-{round:00}";
            await _admin.Unit(unit);
            await _admin.SetBudget(unit, 10_000_000);
            var first = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee(unit), cost: 6_000_000));
            var second = await _admin.RequestGrant(TrainingGiven.Grant(await _admin.Employee(unit), cost: 6_000_000));

            var outcomes = await Race(_admin.Post(Routes.TrainingGrants.Approval(first), new { }), _otherAdmin.Post(Routes.TrainingGrants.Approval(second), new { }));

            outcomes.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict], $"round {round}");
            var problem = await outcomes.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict, "budget-exceeded");
            problem.Long("remaining").Should().Be(4_000_000);
            var budget = await _admin.Read<TrainingBudgetView>(Routes.Units.TrainingBudget(unit, TrainingGiven.Year));
            (budget.Reserved, budget.Remaining).Should().Be((6_000_000L, 4_000_000L), $"round {round}");
        }
    }

    [Fact]
    public async Task Two_approvals_racing_for_the_last_hours_of_a_PPPK_contract_never_exceed_the_cap()
    {
        await _admin.EnsureUnit("RACE-JP");
        for (var round = 1; round <= Rounds; round++)
        {
            var pppk = await _admin.PppkEmployee("RACE-JP");
            var first = await _admin.RequestGrant(TrainingGiven.Grant(pppk, plannedJp: 16, partner: await _admin.Partner("Politeknik Kesehatan Maluku")));
            var second = await _admin.RequestGrant(TrainingGiven.Grant(pppk, plannedJp: 16, partner: await _admin.Partner("Politeknik Kesehatan Maluku")));

            var outcomes = await Race(_admin.Post(Routes.TrainingGrants.Approval(first), new { }), _admin.Post(Routes.TrainingGrants.Approval(second), new { }));

            outcomes.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict], $"round {round}");
            var problem = await outcomes.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict, "jp-cap-exceeded");
            problem.Int("remainingJp").Should().Be(8);
            (await _admin.Read<JpLedgerView>(Routes.Employees.JpLedger(pppk))).PlannedJp.Should().Be(16, $"round {round}");
        }
    }

    [Fact]
    public async Task Two_requests_racing_for_a_partners_last_seat_never_overbook_it_and_the_loser_is_told_what_is_left()
    {
        await _admin.EnsureUnit("RACE-SEAT");
        for (var round = 1; round <= Rounds; round++)
        {
            var partner = await _admin.Partner($"Mitra Balapan {round}", seatsPerYear: 1, jpPerYear: null);
            var outcomes = await Race(
                _admin.Post(Routes.TrainingGrants.All, TrainingGiven.Grant(await _admin.Employee("RACE-SEAT"), partner: partner)),
                _otherAdmin.Post(Routes.TrainingGrants.All, TrainingGiven.Grant(await _admin.Employee("RACE-SEAT"), partner: partner)));

            outcomes.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict], $"round {round}");
            var problem = await outcomes.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict, "partner-offer-exhausted");
            problem.Int("seatsLeft").Should().Be(0);
            (await _admin.Read<TrainingPartnerView>(Routes.TrainingPartners.One(partner))).Years.Single().SeatsTaken.Should().Be(1, $"round {round}");
        }
    }

    private static async Task<HttpResponseMessage[]> Race(params Task<HttpResponseMessage>[] requests) => await Task.WhenAll(requests);
}
