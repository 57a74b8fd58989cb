using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Training;

public sealed class TrainingBudgetDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid BudgetId = TrainingBudget.IdFor("DINKES", 2026);
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static TrainingBudget Budget(params object[] then) =>
        new object[] { new TrainingBudgetSet(BudgetId, Guid.NewGuid(), "DINKES", 2026, 10_000_000, Now) }.Concat(then)
            .Aggregate((TrainingBudget?)null, TrainingBudget.Evolve)!;

    [Fact]
    public void A_reservation_that_fits_to_the_last_rupiah_is_taken_and_one_rupiah_more_is_refused_with_the_remaining_amount()
    {
        var budget = Budget(new TrainingFundsReserved(BudgetId, First, 6_000_000, Now));
        TrainingBudgetDecisions.Reserve(budget, "DINKES", 2026, Second, 4_000_000, Now).Should().ContainSingle();

        var refusal = FluentActions.Invoking(() => TrainingBudgetDecisions.Reserve(budget, "DINKES", 2026, Second, 4_000_001, Now))
            .Should().Throw<Kinerja.Domain.DomainRuleViolation>().Which;
        refusal.Code.Should().Be("budget-exceeded");
        refusal.Extensions["remaining"].Should().Be(4_000_000L);
    }

    [Fact]
    public void Reserving_for_the_same_grant_again_changes_nothing()
    {
        TrainingBudgetDecisions.Reserve(Budget(new TrainingFundsReserved(BudgetId, First, 6_000_000, Now)), "DINKES", 2026, First, 6_000_000, Now)
            .Should().BeEmpty();
    }

    [Fact]
    public void Without_a_budget_nothing_can_be_reserved()
    {
        TrainingGrantDecisionsTests.Code(() => TrainingBudgetDecisions.Reserve(null, "DINKES", 2026, First, 1, Now)).Should().Be("training-budget-not-set");
    }

    [Fact]
    public void Spending_turns_the_reservation_into_the_actual_cost_and_an_overrun_must_fit_what_remains()
    {
        var budget = Budget(new TrainingFundsReserved(BudgetId, First, 6_000_000, Now), new TrainingFundsReserved(BudgetId, Second, 3_000_000, Now));
        var spent = TrainingBudgetDecisions.Spend(budget, First, 7_000_000, Now).Should().ContainSingle().Which.Should().BeOfType<TrainingFundsSpent>().Subject;
        spent.Reserved.Should().Be(6_000_000);

        var after = TrainingBudget.Evolve(budget, spent);
        (after.Allocated, after.Reserved, after.Spent, after.Remaining).Should().Be((10_000_000L, 3_000_000L, 7_000_000L, 0L));
        TrainingGrantDecisionsTests.Code(() => TrainingBudgetDecisions.Spend(budget, First, 7_000_001, Now)).Should().Be("budget-exceeded");
        TrainingBudgetDecisions.Spend(after, First, 7_000_000, Now).Should().BeEmpty();
    }

    [Fact]
    public void Releasing_returns_the_reservation_and_releasing_again_changes_nothing()
    {
        var budget = Budget(new TrainingFundsReserved(BudgetId, First, 6_000_000, Now));
        var released = TrainingBudgetDecisions.Release(budget, First, Now).Should().ContainSingle().Subject;
        var after = TrainingBudget.Evolve(budget, released);
        after.Remaining.Should().Be(10_000_000);
        TrainingBudgetDecisions.Release(after, First, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_budget_is_set_once_and_adjusted_with_a_reason_but_never_below_what_it_holds()
    {
        var budget = Budget(new TrainingFundsReserved(BudgetId, First, 6_000_000, Now));
        TrainingBudgetDecisions.Set(budget, Guid.NewGuid(), "DINKES", 2026, 10_000_000, Now).Should().BeEmpty();
        TrainingGrantDecisionsTests.Code(() => TrainingBudgetDecisions.Set(budget, Guid.NewGuid(), "DINKES", 2026, 12_000_000, Now))
            .Should().Be("training-budget-already-set");

        var adjusted = TrainingBudgetDecisions.Adjust(budget, 6_000_000, "APBD Perubahan", Now).Should().ContainSingle()
            .Which.Should().BeOfType<TrainingBudgetAdjusted>().Subject;
        adjusted.PreviousAllocated.Should().Be(10_000_000);
        TrainingGrantDecisionsTests.Code(() => TrainingBudgetDecisions.Adjust(budget, 5_999_999, "APBD Perubahan", Now)).Should().Be("budget-below-commitments");
    }
}
