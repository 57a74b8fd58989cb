using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Mediator;

namespace Kinerja.Application.Talent.GettingTalentGrid;

public sealed record GridEntry(string Nip, string FullName, string UnitCode, Rating Kinerja, Predikat Predikat, Potential Potential, DateOnly AssessedOn, TalentBox Box);

/// <summary>A finally evaluated employee with no competency assessment in force at the period's end: no potential, so no box is guessed.</summary>
public sealed record NotAssessedEntry(string Nip, string FullName, string UnitCode, Rating Kinerja, Predikat Predikat);

public sealed record BoxCount(int Box, int Count);

/// <summary>
/// The talent 9-box (PermenPANRB 3/2020) of a cycle: kinerja from each final predikat of the cycle by <see cref="KinerjaAxis"/>
/// (<see cref="NineBoxKinerja"/>), potensial from the assessment in force at the period's end (of a closed cycle, among those
/// recorded before it closed), so a closed cycle's grid never changes afterwards. The counts cover the whole cycle or unit on
/// every page; the people come a page at a time: boxes 9 to 1, each by NIP, then those not assessed by NIP (only the box asked for,
/// when <see cref="Box"/> is set).
/// </summary>
public sealed record TalentGrid(
    Guid CycleId, string? UnitCode, IReadOnlyList<BoxCount> Counts, int NotAssessedCount, int? Box,
    IReadOnlyList<GridEntry> Items, IReadOnlyList<NotAssessedEntry> NotAssessed, string? NextCursor,
    string KinerjaAxis = NineBoxKinerja.Version);

public sealed record GetTalentGrid(Guid CycleId, string? Unit, int? Box = null, int? Limit = null, string? Cursor = null) : IQuery<TalentGrid>;

public sealed class GetTalentGridValidator : AbstractValidator<GetTalentGrid>
{
    public GetTalentGridValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit).When(q => q.Limit is not null);
        RuleFor(q => q.Box).InclusiveBetween(1, CandidateKey.NineBoxTop).When(q => q.Box is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => TalentGridCursor.Decode(c) is not null);
    }
}

public sealed class GetTalentGridHandler(
    ICycleDirectory cycles, ITalentDirectory talent, EmployeeAccess access, IEmployeeDirectory employees, IUnitDirectory units,
    UnitScope scope)
    : IQueryHandler<GetTalentGrid, TalentGrid>
{
    public async ValueTask<TalentGrid> Handle(GetTalentGrid query, CancellationToken ct)
    {
        var unit = query.Unit?.Trim().ToUpperInvariant();
        await EnsureCanRead(unit, ct);
        var cycle = await cycles.Find(query.CycleId, ct) ?? throw CycleStreams.NotFound(query.CycleId);
        var closedAt = cycle.History.LastOrDefault(h => h.Phase == CyclePhase.Closed)?.At;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var after = query.Cursor is { } c ? TalentGridCursor.Decode(c) : null;

        var slice = await talent.Grid(new GridQuery(query.CycleId, unit, cycle.PeriodEnd, closedAt, query.Box, after, limit + 1), ct);
        await units.EnsureFilterKnown(unit, slice.Counts.Values.Sum() == 0, ct);
        var page = slice.Page.Take(limit).ToList();
        var entries = new List<GridEntry>();
        var notAssessed = new List<NotAssessedEntry>();
        foreach (var placing in page)
        {
            if (placing.Assessed is { } assessed)
            {
                var box = NineBox.Numbered(placing.Box);
                entries.Add(new GridEntry(placing.Nip, placing.FullName, placing.UnitCode, box.Kinerja, placing.Predikat, assessed.Potential, assessed.AssessedOn, box));
            }
            else
            {
                notAssessed.Add(new NotAssessedEntry(placing.Nip, placing.FullName, placing.UnitCode, NineBoxKinerja.For(placing.Predikat), placing.Predikat));
            }
        }

        var counts = Enumerable.Range(1, CandidateKey.NineBoxTop).Select(box => new BoxCount(box, slice.Counts.GetValueOrDefault(box))).ToList();
        var next = slice.Page.Count > limit ? TalentGridCursor.Encode(new GridKey(page[^1].Box, page[^1].Nip)) : null;
        return new TalentGrid(query.CycleId, unit, counts, slice.Counts.GetValueOrDefault(GridKey.NotAssessed), query.Box, entries, notAssessed, next);
    }

    /// <summary>
    /// hr-admin, portal and auditor see every unit; a unit's head (or their Plt/Plh) and its opd-admin the units in their reach
    /// (<see cref="UnitScope"/>); a supervisor also the grid of the unit they are placed in.
    /// </summary>
    private async Task EnsureCanRead(string? unit, CancellationToken ct)
    {
        if (await scope.Covers(unit, ct))
        {
            return;
        }

        if (await access.SupervisorId(ct) is { } me && unit is not null && (await employees.Find(me, ct))?.LatestUnitCode == unit)
        {
            return;
        }

        throw new AccessDenied("The talent grid is for hr-admin, portal, auditor, a unit's head and opd-admin (?unit=, sub-units included), and a supervisor for their own unit.");
    }
}

/// <summary>Opaque keyset cursor: the box (0 for not assessed) and NIP of the last person of the previous page.</summary>
public static class TalentGridCursor
{
    private const string List = "talent-grid";

    public static string Encode(GridKey key) => KeysetCursor.Encode(List, $"{key.Box.ToString(CultureInfo.InvariantCulture)}|{key.Nip}");

    public static GridKey? Decode(string cursor) => KeysetCursor.Decode(List, cursor, key => Parse(key) is not null) is { } text ? Parse(text) : null;

    private static GridKey? Parse(string text) =>
        text.Split('|') is [var b, var nip] && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var box)
            && box <= CandidateKey.NineBoxTop && nip.Length > 0
            ? new GridKey(box, nip)
            : null;
}
