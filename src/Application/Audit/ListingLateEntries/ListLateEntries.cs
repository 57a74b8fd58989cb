using System.Globalization;
using FluentValidation;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Common;
using Mediator;

namespace Kinerja.Application.Audit.ListingLateEntries;

public static class LateKinds
{
    /// <summary>Recorded more than the threshold of days after the date it takes effect.</summary>
    public const string DaysLate = "days-late";

    /// <summary>Recorded in a cycle or one of its appraisals after the cycle was closed.</summary>
    public const string AfterCycleClosed = "after-cycle-closed";
}

/// <summary>An audit entry with the reasons (<see cref="LateKinds"/>) it counts as late.</summary>
public sealed record LateEntry : AuditEntry
{
    public LateEntry(AuditEntry entry, IReadOnlyList<string> kinds)
        : base(entry) => Kinds = kinds;

    public IReadOnlyList<string> Kinds { get; }
}

/// <summary>
/// Every entry recorded more than <see cref="MinDaysLate"/> days after the date it takes effect (a transfer entered
/// months later, a realisation logged after the fact) or after its cycle closed, across all employees, in commit
/// order; paged by sequence.
/// </summary>
public sealed record ListLateEntries(int? MinDaysLate, int? Limit, long? After) : IQuery<Page<LateEntry>>;

public sealed class ListLateEntriesValidator : AbstractValidator<ListLateEntries>
{
    public ListLateEntriesValidator()
    {
        RuleFor(q => q.MinDaysLate).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
    }
}

public sealed class ListLateEntriesHandler(AuditAccess access, IAuditTrail trail, AuditSettings settings) : IQueryHandler<ListLateEntries, Page<LateEntry>>
{
    private const int Batch = 500;

    public async ValueTask<Page<LateEntry>> Handle(ListLateEntries query, CancellationToken ct)
    {
        access.EnsureAuditor();
        var minDays = query.MinDaysLate ?? settings.LateAfterDays;
        var limit = query.Limit ?? 100;
        // Each source is in commit order, so the first limit + 1 of each hold the first limit + 1 of both together.
        var daysLate = await Collect(trail.EffectiveDatedEvents, e => e.DaysBackDated > minDays, query.After ?? 0, limit + 1, ct);
        var afterClosure = await Collect(trail.EventsAfterCycleClosed, _ => true, query.After ?? 0, limit + 1, ct);
        var found = daysLate.Select(e => (Entry: e, Kind: LateKinds.DaysLate))
            .Concat(afterClosure.Select(e => (Entry: e, Kind: LateKinds.AfterCycleClosed)))
            .GroupBy(x => x.Entry.Sequence)
            .OrderBy(g => g.Key)
            .Select(g => new LateEntry(g.First().Entry, [.. g.Select(x => x.Kind)]))
            .Take(limit + 1)
            .ToList();
        var items = found.Take(limit).ToList();
        return new Page<LateEntry>(items, found.Count > limit ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static async Task<List<AuditEntry>> Collect(
        Func<long, int, CancellationToken, Task<IReadOnlyList<RecordedEvent>>> source, Func<AuditEntry, bool> late, long after, int wanted,
        CancellationToken ct)
    {
        var found = new List<AuditEntry>();
        while (found.Count < wanted)
        {
            var batch = await source(after, Batch, ct);
            found.AddRange(batch.Select(AuditEntry.From).Where(late));
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        return found;
    }
}

/// <summary>Configuration section <c>Kinerja:Audit</c>.</summary>
public sealed class AuditSettings
{
    /// <summary>An entry recorded more than this many days after its effective date is listed as late.</summary>
    public int LateAfterDays { get; set; } = 30;

    /// <summary>Record the digest of all stream heads once a day (midnight WIT, and at start-up when the day's is missing).</summary>
    public bool DailyDigest { get; set; } = true;
}
