using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.Training;

/// <summary>Money a grant holds on the budget: reserved at approval, spent at completion.</summary>
public sealed record Commitment(Guid GrantId, long Amount, bool Spent);

/// <summary>A unit's training budget for a year, in whole rupiah, as its decisions see it.</summary>
public sealed record TrainingBudget(Guid Id, string UnitCode, int Year, long Allocated, IReadOnlyList<Commitment> Commitments)
{
    public long Reserved => Commitments.Where(c => !c.Spent).Sum(c => c.Amount);

    public long Spent => Commitments.Where(c => c.Spent).Sum(c => c.Amount);

    public long Remaining => Allocated - Reserved - Spent;

    public Commitment? For(Guid grantId) => Commitments.FirstOrDefault(c => c.GrantId == grantId);

    /// <summary>
    /// Derived from unit code and year, so every approval against one budget appends to the same
    /// stream and the event store's version check lets only one of two racing approvals commit.
    /// </summary>
    public static Guid IdFor(string unitCode, int year) => StreamKey.Of($"kinerja/training-budget/{unitCode.Trim().ToUpperInvariant()}/{year}");

    public static TrainingBudget Evolve(TrainingBudget? state, object @event) => (state, @event) switch
    {
        (null, TrainingBudgetSet e) => new TrainingBudget(e.BudgetId, e.UnitCode, e.Year, e.Allocated, []),
        (not null, TrainingBudgetAdjusted e) => state with { Allocated = e.Allocated },
        (not null, TrainingFundsReserved e) => state with { Commitments = [.. state.Commitments, new Commitment(e.GrantId, e.Amount, false)] },
        (not null, TrainingFundsReleased e) => state with { Commitments = [.. state.Commitments.Where(c => c.GrantId != e.GrantId)] },
        (not null, TrainingFundsSpent e) => state with
        {
            Commitments = [.. state.Commitments.Where(c => c.GrantId != e.GrantId), new Commitment(e.GrantId, e.Amount, true)],
        },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to training budget {(state is null ? "before it is set" : state.Id)}."),
    };
}

internal static class StreamKey
{
    public static Guid Of(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
