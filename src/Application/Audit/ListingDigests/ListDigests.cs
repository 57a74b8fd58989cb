using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Mediator;

namespace Kinerja.Application.Audit.ListingDigests;

/// <summary>The recorded digests of all stream heads, newest first, for an auditor to copy and later compare; paged by <c>before</c> (an instant).</summary>
public sealed record ListDigests(int? Limit, DateTimeOffset? Before) : IQuery<Page<ChainDigest>>;

public sealed class ListDigestsValidator : AbstractValidator<ListDigests>
{
    public ListDigestsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
}

public sealed class ListDigestsHandler(AuditAccess access, IAuditTrail trail) : IQueryHandler<ListDigests, Page<ChainDigest>>
{
    public async ValueTask<Page<ChainDigest>> Handle(ListDigests query, CancellationToken ct)
    {
        access.EnsureAuditor();
        var limit = query.Limit ?? 100;
        var found = await trail.Digests(query.Before, limit + 1, ct);
        var items = found.Take(limit).ToList();
        return new Page<ChainDigest>(items, found.Count > limit ? items[^1].RecordedAt.ToString("O", CultureInfo.InvariantCulture) : null);
    }
}
