using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Application.Training.GettingJpLedger;
using Kinerja.Application.Training.ListingJpShortfalls;
using Kinerja.Domain.Training;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Training;

/// <summary>A year of training at Dinas Kesehatan: one budget, unit- and partner-funded grants through every state.</summary>
public sealed class TrainingYearApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task The_budget_and_the_JP_ledgers_match_the_events_to_the_rupiah_and_to_the_hour()
    {
        await _admin.EnsureUnit("DINKES");
        var kepala = await _admin.Employee("DINKES", startDate: "2010-01-04");
        var perawat = await _admin.Employee("DINKES", supervisorNip: kepala);
        var bidan = await _admin.Employee("DINKES", supervisorNip: kepala);
        var dokter = await _admin.Employee("DINKES", supervisorNip: kepala);
        var pppk = await _admin.PppkEmployee("DINKES", supervisorNip: kepala);
        await _admin.SetBudget("DINKES", 100_000_000);
        (await _admin.Post(Routes.Units.TrainingBudgetAdjustments("DINKES", 2026), new { allocated = 80_000_000, reason = "APBD Perubahan 2026" }))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.OK);

        // Completed below its reservation: 20 M reserved, 18.5 M spent, 30 JP attended and a new level attested.
        var completed = await _admin.RequestGrant(TrainingGiven.Grant(perawat, plannedJp: 32, cost: 20_000_000));
        await _admin.Act(completed, "approval", new { note = "Prioritas puskesmas" });
        await _admin.Schedule(completed);
        await _admin.Act(completed, "completion", new
        {
            completedOn = "2026-05-08", attendedJp = 30, actualCost = 18_500_000, certificateReference = "STTPP 445/0193/2026",
            newCompetencyLevel = new { code = "teknis.gizi", level = 3 },
        });
        // Cancelled after scheduling: its 15 M and 16 JP come back.
        var cancelled = await _admin.RequestGrant(TrainingGiven.Grant(bidan, plannedJp: 16, cost: 15_000_000));
        await _admin.Act(cancelled, "approval");
        await _admin.Schedule(cancelled);
        await _admin.Act(cancelled, "cancellation", new { reason = "Peserta cuti melahirkan" });
        var rejected = await _admin.RequestGrant(TrainingGiven.Grant(dokter, cost: 10_000_000));
        await _admin.Act(rejected, "rejection", new { reason = "Sudah dilatih tahun lalu" });
        var partnerCompleted = await _admin.RequestGrant(TrainingGiven.Grant(perawat, plannedJp: 40, cost: 12_000_000, partner: await _admin.Partner("Universitas Pattimura")));
        await _admin.Act(partnerCompleted, "approval");
        await _admin.Schedule(partnerCompleted, "2026-08-03", "2026-08-14");
        await _admin.Act(partnerCompleted, "completion", new { completedOn = "2026-08-14", attendedJp = 36 });
        var scheduled = await _admin.RequestGrant(TrainingGiven.Grant(pppk, plannedJp: 20, cost: 6_000_000));
        await _admin.Act(scheduled, "approval");
        await _admin.Schedule(scheduled, "2026-12-07", "2026-12-11");
        var partnerApproved = await _admin.RequestGrant(TrainingGiven.Grant(bidan, plannedJp: 8, cost: 3_000_000, partner: await _admin.Partner("Yayasan Kesehatan Maluku")));
        await _admin.Act(partnerApproved, "approval");
        var requested = await _admin.RequestGrant(TrainingGiven.Grant(dokter, plannedJp: 12, cost: 4_000_000, competency: "TEKNIS.SURVEILANS"));
        var withdrawn = await app.As(Roles.Employee, nip: dokter).RequestGrant(TrainingGiven.Grant(dokter, cost: 2_000_000));
        await app.As(Roles.Employee, nip: dokter).Act(withdrawn, "cancellation", new { reason = "Jadwal bentrok" });

        var budget = await _admin.Read<TrainingBudgetView>(Routes.Units.TrainingBudget("DINKES", 2026));
        (budget.Allocated, budget.Reserved, budget.Spent, budget.Remaining).Should().Be((80_000_000L, 6_000_000L, 18_500_000L, 55_500_000L));
        var partners = budget.PartnerFunded;
        (partners.Grants, partners.Committed, partners.Realised).Should().Be((2, 3_000_000L, 12_000_000L));
        partners.ByPartner.Select(p => p.Partner).Should().Equal("Universitas Pattimura", "Yayasan Kesehatan Maluku");
        budget.Adjustments[0].Reason.Should().Be("APBD Perubahan 2026");
        budget.Hours.UnitFunded.Should().Be(new FundedHours(2, 20, 30), "the scheduled PPPK's 20 JP planned, the completed 30 JP attended");
        budget.Hours.PartnerFunded.Should().Be(new FundedHours(2, 8, 36));

        await using var session = app.Store.QuerySession();
        var money = (await session.Events.FetchStreamAsync(TrainingBudget.IdFor("DINKES", 2026))).Select(e => e.Data).ToList();
        var reservedByEvents = money.OfType<TrainingFundsReserved>().Sum(e => e.Amount)
            - money.OfType<TrainingFundsReleased>().Sum(e => e.Amount) - money.OfType<TrainingFundsSpent>().Sum(e => e.Reserved);
        reservedByEvents.Should().Be(budget.Reserved);
        money.OfType<TrainingFundsSpent>().Sum(e => e.Amount).Should().Be(budget.Spent);

        foreach (var (nip, completedJp, plannedJp) in new[] { (perawat, 66, 0), (bidan, 0, 8), (dokter, 0, 0), (kepala, 0, 0) })
        {
            var ledger = await _admin.Read<JpLedgerView>($"{Routes.Employees.JpLedger(nip)}?year=2026");
            (ledger.CompletedJp, ledger.PlannedJp, ledger.MissingJp).Should().Be((completedJp, plannedJp, Math.Max(0, 20 - completedJp)), nip);
            var hours = (await session.Events.FetchStreamAsync(JpLedger.IdFor(await EmployeeId(session, nip)))).Select(e => e.Data).ToList();
            hours.OfType<JpCompleted>().Sum(e => e.Jp).Should().Be(completedJp);
        }

        var contract = await _admin.Read<JpLedgerView>($"{Routes.Employees.JpLedger(pppk)}?year=2026");
        (contract.PlannedJp, contract.RemainingJp, contract.Entitlement.Basis).Should().Be((20, 4, JpBasis.PerContractYear));
        contract.MissingJp.Should().BeNull();

        var shortfalls = await _admin.Read<Page<JpShortfall>>($"{Routes.Units.JpShortfalls("DINKES")}?year=2026");
        shortfalls.Items.Select(i => i.Nip)
            .Should().Equal(new[] { kepala, bidan, dokter }.Order(StringComparer.Ordinal));

        var statuses = await _admin.Read<Page<TrainingGrantView>>($"{Routes.TrainingGrants.All}?unit=DINKES&year=2026");
        statuses.Items.Select(i => (i.Id, i.Status)).Should().Equal(
            (completed, GrantStatus.Completed), (cancelled, GrantStatus.Cancelled), (rejected, GrantStatus.Rejected), (partnerCompleted, GrantStatus.Completed),
            (scheduled, GrantStatus.Scheduled), (partnerApproved, GrantStatus.Approved), (requested, GrantStatus.Requested), (withdrawn, GrantStatus.Cancelled));
    }

    private static async Task<Guid> EmployeeId(IQuerySession session, string nip) =>
        (await session.Query<EmployeeProfile>().FirstAsync(p => p.Nip == nip)).Id;
}
