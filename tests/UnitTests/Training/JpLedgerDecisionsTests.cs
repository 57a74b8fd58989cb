using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Training;

public sealed class JpLedgerDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid EmployeeId = Guid.NewGuid();
    private static readonly JpRule Pppk = JpEntitlement.For(EmploymentType.PPPK);
    private static readonly JpRule Pns = JpEntitlement.For(EmploymentType.PNS);

    private static JpLedger Ledger(params object[] events) => events.Aggregate((JpLedger?)null, JpLedger.Evolve)!;

    private static JpPlanned Planned(int year, int jp, Guid? grant = null) =>
        new(JpLedger.IdFor(EmployeeId), EmployeeId, grant ?? Guid.NewGuid(), year, jp, Now);

    [Fact]
    public void A_renewed_PPPK_has_24_JP_again_in_each_agreement_year()
    {
        var first = new DateOnly(2025, 3, 1);
        var second = new DateOnly(2026, 3, 1);
        var ledger = Ledger(Planned(2025, 24) with { ContractYear = first });
        TrainingGrantDecisionsTests.Code(() => JpLedgerDecisions.Plan(ledger, EmployeeId, Pppk, Guid.NewGuid(), 2026, 1, Now, first)).Should().Be("jp-cap-exceeded");

        var planned = JpLedgerDecisions.Plan(ledger, EmployeeId, Pppk, Guid.NewGuid(), 2026, 24, Now, second).Should().ContainSingle().Subject;
        ((JpPlanned)planned).ContractYear.Should().Be(second);
        var both = JpLedger.Evolve(ledger, planned);
        (both.Committed(JpBasis.PerContractYear, 2026, first), both.Committed(JpBasis.PerContractYear, 2026, second)).Should().Be((24, 24));
    }

    [Fact]
    public void A_PNS_grant_records_no_agreement_year()
    {
        var planned = (JpPlanned)JpLedgerDecisions.Plan(null, EmployeeId, Pns, Guid.NewGuid(), 2026, 8, Now, new DateOnly(2026, 1, 1)).Single();
        planned.ContractYear.Should().BeNull();
    }

    [Fact]
    public void A_PPPK_without_a_recorded_agreement_may_have_24_JP_over_the_whole_record_across_years()
    {
        var ledger = Ledger(Planned(2025, 12), Planned(2026, 8));
        JpLedgerDecisions.Plan(ledger, EmployeeId, Pppk, Guid.NewGuid(), 2026, 4, Now).Should().ContainSingle();

        var refusal = FluentActions.Invoking(() => JpLedgerDecisions.Plan(ledger, EmployeeId, Pppk, Guid.NewGuid(), 2027, 5, Now))
            .Should().Throw<Kinerja.Domain.DomainRuleViolation>().Which;
        refusal.Code.Should().Be("jp-cap-exceeded");
        refusal.Extensions["remainingJp"].Should().Be(4);
    }

    [Fact]
    public void A_PNS_has_a_minimum_not_a_cap()
    {
        JpLedgerDecisions.Plan(Ledger(Planned(2026, 60)), EmployeeId, Pns, Guid.NewGuid(), 2026, 40, Now).Should().ContainSingle();
    }

    [Fact]
    public void Hours_attended_replace_the_plan_and_may_not_break_the_cap()
    {
        var grant = Guid.NewGuid();
        var ledger = Ledger(Planned(2025, 16), Planned(2026, 6, grant));
        JpLedgerDecisions.Complete(ledger, EmployeeId, Pppk, grant, 2026, 8, Now).Should().ContainSingle();
        TrainingGrantDecisionsTests.Code(() => JpLedgerDecisions.Complete(ledger, EmployeeId, Pppk, grant, 2026, 9, Now)).Should().Be("jp-cap-exceeded");

        var completed = JpLedger.Evolve(ledger, new JpCompleted(ledger.Id, EmployeeId, grant, 2026, 8, Now));
        completed.Committed(JpBasis.PerContractYear, 2026).Should().Be(24);
        JpLedgerDecisions.Complete(completed, EmployeeId, Pppk, grant, 2026, 8, Now).Should().BeEmpty();
        JpLedgerDecisions.Withdraw(completed, grant, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_withdrawn_plan_frees_its_hours()
    {
        var grant = Guid.NewGuid();
        var ledger = Ledger(Planned(2026, 20, grant));
        var withdrawn = JpLedgerDecisions.Withdraw(ledger, grant, Now).Should().ContainSingle().Subject;
        JpLedger.Evolve(ledger, withdrawn).Committed(JpBasis.PerContractYear, 2026).Should().Be(0);
    }

    [Fact]
    public void The_entitlement_table_is_pinned_cell_by_cell()
    {
        JpEntitlement.Rules.Select(r => (r.EmploymentType, r.Basis, r.Limit, r.Jp)).Should().Equal(
            (EmploymentType.PNS, JpBasis.PerYear, JpLimit.Minimum, 20),
            (EmploymentType.PPPK, JpBasis.PerContractYear, JpLimit.Maximum, 24));
    }
}
