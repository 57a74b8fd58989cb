namespace Kinerja.Domain.Training;

/// <summary>
/// The budget is never overspent: every reservation and every spending beyond a reservation must
/// fit what remains. Amounts are whole rupiah.
/// </summary>
public static class TrainingBudgetDecisions
{
    public static IReadOnlyList<object> Set(TrainingBudget? existing, Guid unitId, string unitCode, int year, long allocated, DateTimeOffset now)
    {
        if (existing is null)
        {
            return [new TrainingBudgetSet(TrainingBudget.IdFor(unitCode, year), unitId, unitCode, year, allocated, now)];
        }

        return existing.Allocated == allocated
            ? []
            : throw new DomainRuleViolation("training-budget-already-set",
                $"The {year} training budget of {unitCode} is already set to {existing.Allocated}; change it with an adjustment and a reason.",
                new Dictionary<string, object> { ["allocated"] = existing.Allocated });
    }

    public static IReadOnlyList<object> Adjust(TrainingBudget budget, long allocated, string reason, DateTimeOffset now)
    {
        if (budget.Allocated == allocated)
        {
            return [];
        }

        var committed = budget.Reserved + budget.Spent;
        return allocated < committed
            ? throw new DomainRuleViolation("budget-below-commitments",
                $"{committed} is already reserved or spent; the budget cannot be set below it.",
                new Dictionary<string, object> { ["committed"] = committed })
            : [new TrainingBudgetAdjusted(budget.Id, budget.Allocated, allocated, reason.Trim(), now)];
    }

    public static IReadOnlyList<object> Reserve(TrainingBudget? budget, string unitCode, int year, Guid grantId, long amount, DateTimeOffset now)
    {
        if (budget is null)
        {
            throw new DomainRuleViolation("training-budget-not-set", $"{unitCode} has no training budget for {year}; set it before approving unit-funded grants.");
        }

        if (budget.For(grantId) is not null)
        {
            return [];
        }

        EnsureFits(budget, amount);
        return [new TrainingFundsReserved(budget.Id, grantId, amount, now)];
    }

    public static IReadOnlyList<object> Release(TrainingBudget budget, Guid grantId, DateTimeOffset now) =>
        budget.For(grantId) is { Spent: false } held ? [new TrainingFundsReleased(budget.Id, grantId, held.Amount, now)] : [];

    /// <summary>Spending above the reservation draws the difference from what remains; below it, the rest returns to the budget.</summary>
    public static IReadOnlyList<object> Spend(TrainingBudget budget, Guid grantId, long actual, DateTimeOffset now)
    {
        switch (budget.For(grantId))
        {
            case { Spent: true }:
                return [];
            case { } held:
                EnsureFits(budget, actual - held.Amount);
                return [new TrainingFundsSpent(budget.Id, grantId, held.Amount, actual, now)];
            default:
                EnsureFits(budget, actual);
                return [new TrainingFundsSpent(budget.Id, grantId, 0, actual, now)];
        }
    }

    private static void EnsureFits(TrainingBudget budget, long amount)
    {
        if (amount > budget.Remaining)
        {
            throw new DomainRuleViolation("budget-exceeded",
                $"The {budget.Year} training budget of {budget.UnitCode} has {budget.Remaining} left; {amount} does not fit.",
                new Dictionary<string, object> { ["remaining"] = budget.Remaining, ["requested"] = amount });
        }
    }
}
