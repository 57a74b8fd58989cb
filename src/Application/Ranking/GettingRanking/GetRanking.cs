using System.Globalization;
using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Units;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Ranking.GettingRanking;

/// <summary>The cycle's ranking, city-wide or for one unit (the unit the appraisal was opened in).</summary>
public sealed record GetRanking(Guid CycleId, string? UnitCode, int? Limit, string? Cursor) : IQuery<RankingPage>;

/// <param name="Rank">Competition ranking: tied rows share a rank and the next rank skips (1, 2, 2, 4).</param>
/// <param name="Percentile">Share of the ranked group at or below this rank, in percent: the first of 40 is 100, the last 2.5.</param>
public sealed record RankingRow(int Rank, decimal Percentile, string Nip, string? FullName, string UnitCode, Predikat Predikat, decimal Score, PerformanceScore Components);

public sealed record RankingPage(
    Guid CycleId, string? UnitCode, int Ranked, int Unranked, string Order, IReadOnlyList<RankingRow> Items, string? NextCursor);

public sealed class GetRankingValidator : AbstractValidator<GetRanking>
{
    public GetRankingValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit).When(q => q.Limit is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => RankingCursor.Decode(c) is not null);
    }
}

public sealed class GetRankingHandler(IRankingReader ranking, CycleStreams cycles, IUnitDirectory units)
    : IQueryHandler<GetRanking, RankingPage>
{
    public const string Order = "predikat class (Sangat Baik first), then score descending, then results points descending; "
        + "rows equal on all three share a rank and are listed by NIP";

    public async ValueTask<RankingPage> Handle(GetRanking query, CancellationToken ct)
    {
        var unit = query.UnitCode is { } code ? UnitKerja.Canonical(code) : null;
        var after = query.Cursor is { } c ? RankingCursor.Decode(c) : null;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var slice = await ranking.Slice(query.CycleId, unit, after, limit + 1, ct);
        if (slice.Ranked + slice.Unranked == 0)
        {
            // Appraisals in scope prove the cycle and the unit exist; only an empty scope needs the two lookups that tell
            // an unknown cycle or unit (404) from one with nothing to rank. Two round trips fewer on every other request.
            await cycles.Load(query.CycleId, ct);
            if (query.UnitCode is { } addressed)
            {
                await units.Addressed(addressed, ct);
            }
        }
        var rows = slice.Rows.Take(limit).ToList();

        var keys = rows.Select(RankKey.Of).ToList();
        var items = rows.Select((row, i) =>
        {
            var firstTied = keys.FindIndex(k => k.TiedWith(keys[i]));
            var rank = firstTied == 0 && after is not null && keys[0].TiedWith(after) ? slice.BetterThanCursor + 1 : slice.AtOrBeforeCursor + firstTied + 1;
            var percentile = Math.Round(100m * (slice.Ranked - rank + 1) / slice.Ranked, 1, MidpointRounding.AwayFromZero);
            return new RankingRow(rank, percentile, row.Nip, row.FullName, row.UnitCode, row.Predikat, row.RankScore, row.Score);
        }).ToList();

        var next = slice.Rows.Count > limit ? RankingCursor.Encode(keys[^1]) : null;
        return new RankingPage(query.CycleId, unit, slice.Ranked, slice.Unranked, Order, items, next);
    }
}

/// <summary>Opaque keyset cursor: the rank key (class, score, results points, NIP) of the last row of the previous page.</summary>
public static class RankingCursor
{
    private const string List = "ranking";

    public static string Encode(RankKey key) => KeysetCursor.Encode(List, string.Join('|',
        key.PredikatClass.ToString(CultureInfo.InvariantCulture), key.Score.ToString(CultureInfo.InvariantCulture),
        key.Results.ToString(CultureInfo.InvariantCulture), key.Nip));

    public static RankKey? Decode(string cursor) => KeysetCursor.Decode(List, cursor, key => Parse(key) is not null) is { } text ? Parse(text) : null;

    private static RankKey? Parse(string text) =>
        text.Split('|') is [var c, var s, var r, var nip]
        && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var @class)
        && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var score)
        && decimal.TryParse(r, NumberStyles.Number, CultureInfo.InvariantCulture, out var results)
            ? new RankKey(@class, score, results, nip)
            : null;
}
