using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Training;

public sealed class TrainingGrantDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid GrantId = Guid.CreateVersion7();

    internal static TrainingGrant Grant(params object[] then)
    {
        object[] events =
        [
            new TrainingGrantRequested(GrantId, Guid.NewGuid(), "198609262015051001", EmploymentType.PNS, Guid.NewGuid(), "DINKES", 2026,
                "Pelatihan Manajemen Puskesmas", "Bapelkes Ambon", TrainingTrack.PelatihanKlasikal, ["TEKNIS.PUSKESMAS"], 24, 7_500_000,
                new Funding(FundingSource.UnitBudget, null), new GrantReason(GrantBasis.CompetencyGap, "Gap", []), Now),
            .. then,
        ];
        return events.Aggregate((TrainingGrant?)null, TrainingGrant.Evolve)!;
    }

    private static readonly TrainingGrantApproved Approved = new(GrantId, null, Now);
    private static readonly TrainingGrantScheduled Scheduled = new(GrantId, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8), Now);
    private static readonly CompletionReport Report = new(new DateOnly(2026, 5, 8), 24, null, "STTPP-0193/2026", new CompetencyLevel("TEKNIS.PUSKESMAS", 4));

    [Fact]
    public void A_request_is_approved_once_and_approving_again_changes_nothing()
    {
        TrainingGrantDecisions.Approve(Grant(), "Sesuai rencana", Now).Should().ContainSingle().Which.Should().BeOfType<TrainingGrantApproved>();
        TrainingGrantDecisions.Approve(Grant(Approved), null, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_rejected_grant_takes_no_approval()
    {
        var rejected = Grant(new TrainingGrantRejected(GrantId, "Tidak sesuai kebutuhan", Now));
        Code(() => TrainingGrantDecisions.Approve(rejected, null, Now)).Should().Be("grant-closed");
        TrainingGrantDecisions.Reject(rejected, "Tidak sesuai kebutuhan", Now).Should().BeEmpty();
    }

    [Fact]
    public void An_approved_grant_is_cancelled_not_rejected()
    {
        Code(() => TrainingGrantDecisions.Reject(Grant(Approved), "x", Now)).Should().Be("grant-already-approved");
        TrainingGrantDecisions.Cancel(Grant(Approved), "Peserta sakit", Now).Should().ContainSingle().Which.Should().BeOfType<TrainingGrantCancelled>();
    }

    [Fact]
    public void Completion_needs_an_approved_and_scheduled_grant()
    {
        Code(() => TrainingGrantDecisions.Complete(Grant(), Report, Now)).Should().Be("grant-not-approved");
        Code(() => TrainingGrantDecisions.Complete(Grant(Approved), Report, Now)).Should().Be("grant-not-scheduled");
        Code(() => TrainingGrantDecisions.Schedule(Grant(), new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8), Now)).Should().Be("grant-not-approved");
    }

    [Fact]
    public void A_completion_without_an_actual_cost_spends_the_planned_cost_and_a_repeat_changes_nothing()
    {
        var completed = TrainingGrantDecisions.Complete(Grant(Approved, Scheduled), Report, Now).Should().ContainSingle()
            .Which.Should().BeOfType<TrainingGrantCompleted>().Subject;
        completed.ActualCost.Should().Be(7_500_000);
        completed.AttendedJp.Should().Be(24);

        TrainingGrantDecisions.Complete(Grant(Approved, Scheduled, completed), Report, Now).Should().BeEmpty();
        Code(() => TrainingGrantDecisions.Complete(Grant(Approved, Scheduled, completed), Report with { AttendedJp = 20 }, Now)).Should().Be("grant-closed");
        Code(() => TrainingGrantDecisions.Cancel(Grant(Approved, Scheduled, completed), "x", Now)).Should().Be("grant-closed");
    }

    [Fact]
    public void A_completion_attests_only_competencies_the_grant_develops_and_not_before_it_starts()
    {
        var grant = Grant(Approved, Scheduled);
        Code(() => TrainingGrantDecisions.Complete(grant, Report with { NewCompetencyLevel = new CompetencyLevel("MANAJERIAL.KEPEMIMPINAN", 4) }, Now))
            .Should().Be("competency-not-developed");
        Code(() => TrainingGrantDecisions.Complete(grant, Report with { CompletedOn = new DateOnly(2026, 5, 1) }, Now)).Should().Be("completed-before-start");
    }

    [Fact]
    public void A_grant_starts_in_its_own_year_and_the_same_dates_again_change_nothing()
    {
        Code(() => TrainingGrantDecisions.Schedule(Grant(Approved), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 8), Now)).Should().Be("schedule-outside-year");
        TrainingGrantDecisions.Schedule(Grant(Approved, Scheduled), Scheduled.StartsOn, Scheduled.EndsOn, Now).Should().BeEmpty();
        TrainingGrantDecisions.Schedule(Grant(Approved, Scheduled), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 5), Now).Should().HaveCount(1);
    }

    internal static string Code(Action decision) => decision.Should().Throw<DomainRuleViolation>().Which.Code;
}
