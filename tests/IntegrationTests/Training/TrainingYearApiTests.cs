using System.Text.Json.Nodes;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
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
        (await _admin.Post("/api/v1/units/DINKES/training-budgets/2026/adjustments", new { allocated = 80_000_000, reason = "APBD Perubahan 2026" }))
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
        var partnerCompleted = await _admin.RequestGrant(TrainingGiven.Grant(perawat, plannedJp: 40, cost: 12_000_000, partner: "Universitas Pattimura"));
        await _admin.Act(partnerCompleted, "approval");
        await _admin.Schedule(partnerCompleted, "2026-08-03", "2026-08-14");
        await _admin.Act(partnerCompleted, "completion", new { completedOn = "2026-08-14", attendedJp = 36 });
        var scheduled = await _admin.RequestGrant(TrainingGiven.Grant(pppk, plannedJp: 20, cost: 6_000_000));
        await _admin.Act(scheduled, "approval");
        await _admin.Schedule(scheduled, "2026-12-07", "2026-12-11");
        var partnerApproved = await _admin.RequestGrant(TrainingGiven.Grant(bidan, plannedJp: 8, cost: 3_000_000, partner: "Yayasan Kesehatan Maluku"));
        await _admin.Act(partnerApproved, "approval");
        var requested = await _admin.RequestGrant(TrainingGiven.Grant(dokter, plannedJp: 12, cost: 4_000_000, competency: "TEKNIS.SURVEILANS"));
        var withdrawn = await app.As(Roles.Employee, nip: dokter).RequestGrant(TrainingGiven.Grant(dokter, cost: 2_000_000));
        await app.As(Roles.Employee, nip: dokter).Act(withdrawn, "cancellation", new { reason = "Jadwal bentrok" });

        var budget = await _admin.Get("/api/v1/units/DINKES/training-budgets/2026");
        (budget.Long("allocated"), budget.Long("reserved"), budget.Long("spent"), budget.Long("remaining"))
            .Should().Be((80_000_000L, 6_000_000L, 18_500_000L, 55_500_000L));
        var partners = budget["partnerFunded"]!;
        (partners.Int("grants"), partners.Long("committed"), partners.Long("realised")).Should().Be((2, 3_000_000L, 12_000_000L));
        partners["byPartner"]!.AsArray().Select(p => p!["partner"]!.GetValue<string>()).Should().Equal("Universitas Pattimura", "Yayasan Kesehatan Maluku");
        budget["adjustments"]![0]!["reason"]!.GetValue<string>().Should().Be("APBD Perubahan 2026");

        await using var session = app.Store.QuerySession();
        var money = (await session.Events.FetchStreamAsync(TrainingBudget.IdFor("DINKES", 2026))).Select(e => e.Data).ToList();
        var reservedByEvents = money.OfType<TrainingFundsReserved>().Sum(e => e.Amount)
            - money.OfType<TrainingFundsReleased>().Sum(e => e.Amount) - money.OfType<TrainingFundsSpent>().Sum(e => e.Reserved);
        reservedByEvents.Should().Be(budget.Long("reserved"));
        money.OfType<TrainingFundsSpent>().Sum(e => e.Amount).Should().Be(budget.Long("spent"));

        foreach (var (nip, completedJp, plannedJp) in new[] { (perawat, 66, 0), (bidan, 0, 8), (dokter, 0, 0), (kepala, 0, 0) })
        {
            var ledger = await _admin.Get($"/api/v1/employees/{nip}/jp-ledger?year=2026");
            (ledger.Int("completedJp"), ledger.Int("plannedJp"), ledger.Int("missingJp")).Should().Be((completedJp, plannedJp, Math.Max(0, 20 - completedJp)), nip);
            var hours = (await session.Events.FetchStreamAsync(JpLedger.IdFor(await EmployeeId(session, nip)))).Select(e => e.Data).ToList();
            hours.OfType<JpCompleted>().Sum(e => e.Jp).Should().Be(completedJp);
        }

        var contract = await _admin.Get($"/api/v1/employees/{pppk}/jp-ledger?year=2026");
        (contract.Int("plannedJp"), contract.Int("remainingJp"), contract["entitlement"]!["basis"]!.GetValue<string>()).Should().Be((20, 4, "PerContract"));
        contract["missingJp"].Should().BeNull();

        var shortfalls = await _admin.Get("/api/v1/units/DINKES/jp-shortfalls?year=2026");
        shortfalls["items"]!.AsArray().Select(i => i!["nip"]!.GetValue<string>())
            .Should().Equal(new[] { kepala, bidan, dokter }.Order(StringComparer.Ordinal));

        var statuses = await _admin.Get("/api/v1/training-grants?unit=DINKES&year=2026");
        statuses["items"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), i["status"]!.GetValue<string>())).Should().Equal(
            (completed, "Completed"), (cancelled, "Cancelled"), (rejected, "Rejected"), (partnerCompleted, "Completed"),
            (scheduled, "Scheduled"), (partnerApproved, "Approved"), (requested, "Requested"), (withdrawn, "Cancelled"));
    }

    private static async Task<Guid> EmployeeId(IQuerySession session, string nip) =>
        (await session.Query<EmployeeProfile>().FirstAsync(p => p.Nip == nip)).Id;
}
