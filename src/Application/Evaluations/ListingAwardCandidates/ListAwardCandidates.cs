using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.ListingAwardCandidates;

/// <summary>
/// A final Sangat Baik in the top of their unit (<see cref="TopOfUnitRule"/>), with the score and every component behind
/// it so a person can see why; <see cref="RankInUnit"/> is the same number as <c>rank</c> in the unit's ranking
/// (<c>GET /cycles/{id}/ranking?unit=</c>): one order, predikat first, then score, then results points (ADR 073).
/// </summary>
public sealed record AwardCandidate(
    string Nip, string UnitCode, Predikat Predikat, int RankInUnit, PerformanceScore? Score, DateTimeOffset FinalAt, string? FullName = null);

/// <summary>One unit: how many final appraisals it has, how many the rule puts in its top, and the lowest score in it.</summary>
public sealed record UnitAwardCandidates(
    Guid CycleId, string UnitCode, TopOfUnitRule Rule, int Final, int TopCount, decimal? BoundaryScore, IReadOnlyList<AwardCandidate> Items);

public sealed record CycleAwardCandidates(Guid CycleId, TopOfUnitRule Rule, IReadOnlyList<AwardCandidate> Items, string? NextCursor);

public sealed record ListUnitAwardCandidates(Guid CycleId, string UnitCode) : IQuery<UnitAwardCandidates>;

/// <summary>Every unit's candidates, ordered by unit code, rank in unit, then NIP; paged by cursor.</summary>
public sealed record ListCycleAwardCandidates(Guid CycleId, int? Limit, string? Cursor) : IQuery<CycleAwardCandidates>;

public sealed class ListCycleAwardCandidatesValidator : AbstractValidator<ListCycleAwardCandidates>
{
    public ListCycleAwardCandidatesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => FollowUpPaging.After(FollowUpPaging.AwardCandidates, c) is not null);
    }
}

public sealed class ListAwardCandidatesHandler(FinalAppraisals finals, CycleStreams cycles)
    : IQueryHandler<ListUnitAwardCandidates, UnitAwardCandidates>, IQueryHandler<ListCycleAwardCandidates, CycleAwardCandidates>
{
    public async ValueTask<UnitAwardCandidates> Handle(ListUnitAwardCandidates query, CancellationToken ct)
    {
        await cycles.Load(query.CycleId, ct);
        var unit = await finals.Of(query.CycleId, query.UnitCode, ct);
        var top = finals.Top(unit);
        var items = await Candidates(unit, top, ct);
        return new UnitAwardCandidates(query.CycleId, query.UnitCode.ToUpperInvariant(), finals.Rule, top.Final, top.TopCount, top.BoundaryScore, items);
    }

    public async ValueTask<CycleAwardCandidates> Handle(ListCycleAwardCandidates query, CancellationToken ct)
    {
        await cycles.Load(query.CycleId, ct);
        var items = new List<AwardCandidate>();
        foreach (var unit in (await finals.Of(query.CycleId, null, ct)).GroupBy(a => a.UnitCode))
        {
            items.AddRange(await Candidates([.. unit], finals.Top(unit), ct));
        }

        var page = FollowUpPaging.Page(FollowUpPaging.AwardCandidates, items, c => $"{c.UnitCode} {c.RankInUnit:D6} {c.Nip}", query.Limit, query.Cursor);
        return new CycleAwardCandidates(query.CycleId, finals.Rule, page.Items, page.NextCursor);
    }

    private async Task<IReadOnlyList<AwardCandidate>> Candidates(IReadOnlyList<AppraisalRecord> unit, UnitTop top, CancellationToken ct)
    {
        var byNip = unit.ToDictionary(a => a.Nip);
        var candidates = top.AwardCandidates.Select(c => (c.Rank, Record: byNip[c.Standing.Key])).ToList();
        var person = await finals.CurrentPeople(candidates.Select(c => c.Record), ct);
        return [.. candidates.Select(c => new AwardCandidate(person(c.Record).Nip, c.Record.UnitCode, c.Record.Evaluation!.Predikat, c.Rank, c.Record.Score,
            c.Record.Evaluation.ApprovedAt!.Value, person(c.Record).FullName))];
    }
}
