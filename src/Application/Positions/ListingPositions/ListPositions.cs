using System.Text.RegularExpressions;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Mediator;

namespace Kinerja.Application.Positions.ListingPositions;

/// <summary>Positions ordered by code; filter by unit and by having a vacant seat.</summary>
public sealed record ListPositions(string? Unit, bool? Vacant, int? Limit, string? Cursor) : IQuery<Page<PositionRecord>>;

public sealed class ListPositionsValidator : AbstractValidator<ListPositions>
{
    public ListPositionsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => PositionCursor.Decode(c) is not null);
    }
}

public sealed class ListPositionsHandler(IPositionDirectory positions, IUnitDirectory units) : IQueryHandler<ListPositions, Page<PositionRecord>>
{
    public async ValueTask<Page<PositionRecord>> Handle(ListPositions query, CancellationToken ct)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var after = query.Cursor is { } c ? PositionCursor.Decode(c) : null;
        var rows = await positions.List(new PositionFilter(query.Unit?.ToUpperInvariant(), query.Vacant, after, limit + 1), ct);
        await units.EnsureFilterKnown(query.Unit, rows.Count == 0, ct);
        var items = rows.Take(limit).ToList();
        return new Page<PositionRecord>(items, rows.Count > limit ? PositionCursor.Encode(items[^1].Code) : null);
    }
}

public static class PositionCursor
{
    private const string List = "positions";

    public static string Encode(string code) => KeysetCursor.Encode(List, code);

    public static string? Decode(string cursor) => KeysetCursor.Decode(List, cursor, key => Regex.IsMatch(key, PositionRules.CodePattern));
}
