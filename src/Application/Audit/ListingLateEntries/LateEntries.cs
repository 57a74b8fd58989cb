using FluentValidation;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Common;
using Mediator;

namespace Kinerja.Application.Audit.ListingLateEntries;

/// <summary>
/// Every entry recorded more than <see cref="MinDaysLate"/> days after the date it takes effect (a
/// transfer entered months later, a realisation logged after the fact), across all employees, in
/// commit order; paged by sequence.
/// </summary>
public sealed record GetLateEntries(int? MinDaysLate, int? Limit, long? After) : IQuery<Page<AuditEntry>>;

public sealed class GetLateEntriesValidator : AbstractValidator<GetLateEntries>
{
    public GetLateEntriesValidator()
    {
        RuleFor(q => q.MinDaysLate).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetLateEntriesHandler(AuditAccess access, IAuditTrail trail, AuditSettings settings) : IQueryHandler<GetLateEntries, Page<AuditEntry>>
{
    private const int Batch = 500;

    public async ValueTask<Page<AuditEntry>> Handle(GetLateEntries query, CancellationToken ct)
    {
        access.EnsureAuditor();
        var minDays = query.MinDaysLate ?? settings.LateAfterDays;
        var limit = query.Limit ?? 100;
        var found = new List<AuditEntry>();
        var after = query.After ?? 0;
        while (found.Count <= limit)
        {
            var batch = await trail.EffectiveDatedEvents(after, Batch, ct);
            found.AddRange(batch.Select(AuditEntry.From).Where(e => e.DaysBackDated > minDays));
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        var items = found.Take(limit).ToList();
        return new Page<AuditEntry>(items, found.Count > limit ? items[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}

/// <summary>Configuration section <c>Kinerja:Audit</c>.</summary>
public sealed class AuditSettings
{
    /// <summary>An entry recorded more than this many days after its effective date is listed as late.</summary>
    public int LateAfterDays { get; set; } = 30;
}
