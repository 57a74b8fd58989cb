using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Positions;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Mediator;

namespace Kinerja.Application.Talent.ListingCandidates;

public sealed record Candidate(string Nip, string FullName, string UnitCode, Potential? Potential, DateOnly? AssessedOn, PlacementFit Fit);

/// <summary>Candidates for a vacant position for whom it is no step-down, best fit first (PlacementMatching), then by NIP.</summary>
public sealed record ListCandidates(string Code, int? Limit, string? Cursor) : IQuery<Page<Candidate>>;

public sealed class ListCandidatesValidator : AbstractValidator<ListCandidates>
{
    public ListCandidatesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => CandidateCursor.Decode(c) is not null);
    }
}

public sealed class ListCandidatesHandler(IPositionDirectory positions, IEventStore store, ITalentDirectory talent, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<ListCandidates, Page<Candidate>>
{
    public async ValueTask<Page<Candidate>> Handle(ListCandidates query, CancellationToken ct)
    {
        if (!Roles.ReadsEverything(current.Actor.Role))
        {
            throw new AccessDenied("Only hr-admin, portal and auditor see the candidates for a position.");
        }

        var position = await positions.Addressed(query.Code, ct);
        PositionDecisions.EnsureVacant((await store.Load<Jabatan>(position.Id, ct))!);
        var limit = query.Limit ?? Paging.DefaultLimit;
        var after = query.Cursor is { } c ? CandidateCursor.Decode(c) : null;
        var target = PlacementTarget.Of(position);
        var rows = await talent.Candidates(target, clock.Today(), after, limit + 1, ct);
        var page = rows.Take(limit).Select(p => (Profile: p, Scored: PlacementFit.Of(p, target))).ToList();
        var items = page.Select(x => new Candidate(x.Profile.Nip, x.Profile.FullName, x.Profile.UnitCode, x.Profile.Potential, x.Profile.AssessedOn, x.Scored.Fit)).ToList();
        return new Page<Candidate>(items, rows.Count > limit ? CandidateCursor.Encode(CandidateKey.Of(page[^1].Profile, page[^1].Scored.Rank)) : null);
    }
}

public static class CandidateCursor
{
    private const string List = "candidates";

    public static string Encode(CandidateKey key) =>
        KeysetCursor.Encode(List, string.Join('|', key.PathDistance, key.UnmetWeight, key.WeightedShortfall, key.UnknownWeight, key.PredikatRank, key.BoxFromTop, key.Nip));

    public static CandidateKey? Decode(string cursor)
    {
        var key = KeysetCursor.Decode(List, cursor, k => Parse(k) is not null);
        return key is null ? null : Parse(key);
    }

    private static CandidateKey? Parse(string key)
    {
        var parts = key.Split('|');
        var numbers = parts.Take(6).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        return parts.Length == 7 && numbers.All(n => n >= 0) && parts[6].Length == Nip.Length && parts[6].All(char.IsAsciiDigit)
            ? new CandidateKey(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], parts[6])
            : null;
    }
}
