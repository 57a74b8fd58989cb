using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Cycles.GettingCycle;

public sealed record CycleScope(bool AllUnits, IReadOnlyList<string> UnitCodes);

/// <summary>A cycle with its phase history; <see cref="EvaluationDueAt"/> is when the scheduler moves it into evaluation;
/// <see cref="AnnualCycleId"/> is the annual cycle a periodic one belongs to.</summary>
public sealed record CycleDetails(
    Guid Id,
    string Name,
    CycleKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    CycleScope Scope,
    FeedbackWindow FeedbackWindow,
    CyclePhase Phase,
    DateTimeOffset EvaluationDueAt,
    IReadOnlyList<PhaseChange> History,
    Guid? AnnualCycleId)
{
    public static CycleDetails From(CycleRecord r) => new(
        r.Id, r.Name, r.Kind, r.PeriodStart, r.PeriodEnd, new CycleScope(r.AllUnits, r.UnitCodes), r.FeedbackWindow, r.Phase,
        CycleStreams.EvaluationDueAt(r.PeriodEnd), r.History, r.AnnualCycleId);
}

public sealed record GetCycle(Guid Id) : IQuery<Versioned<CycleDetails>>;

/// <summary>Cycles, newest period first (then newest created); any role may read them.</summary>
public sealed record ListCycles(CyclePhase? Phase, int? Limit, string? Cursor) : IQuery<Page<CycleDetails>>;

public sealed class ListCyclesValidator : AbstractValidator<ListCycles>
{
    public ListCyclesValidator()
    {
        RuleFor(q => q.Phase).IsInEnum();
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => CycleCursor.Decode(c) is not null);
    }
}

public sealed class CycleQueries(ICycleDirectory cycles, IEventStore store)
    : IQueryHandler<GetCycle, Versioned<CycleDetails>>, IQueryHandler<ListCycles, Page<CycleDetails>>
{
    public async ValueTask<Versioned<CycleDetails>> Handle(GetCycle query, CancellationToken ct)
    {
        var record = await cycles.Find(query.Id, ct) ?? throw CycleStreams.NotFound(query.Id);
        return new Versioned<CycleDetails>(CycleDetails.From(record), await store.Version(query.Id, ct) ?? 0);
    }

    public async ValueTask<Page<CycleDetails>> Handle(ListCycles query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = await cycles.List(new CycleFilter(query.Phase, query.Cursor is { } c ? CycleCursor.Decode(c) : null, limit + 1), ct);
        var items = rows.Take(limit).ToList();
        return new Page<CycleDetails>([.. items.Select(CycleDetails.From)], rows.Count > limit ? CycleCursor.Encode(items[^1].SortKey) : null);
    }
}

internal static class CycleCursor
{
    public static string Encode(string sortKey) => KeysetCursor.Encode("cycle", sortKey);

    public static string? Decode(string cursor) => KeysetCursor.Decode("cycle", cursor, key => key.Length == 40 && key.All(char.IsAsciiHexDigit));
}
