using System.Globalization;
using FluentValidation;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Mediator;

namespace Kinerja.Application.Audit.ListingLateEntries;

public static class LateKinds
{
    /// <summary>Recorded more than the threshold of days after the date it takes effect.</summary>
    public const string DaysLate = "days-late";

    /// <summary>Recorded in a cycle or one of its appraisals after the cycle was closed.</summary>
    public const string AfterCycleClosed = "after-cycle-closed";
}

/// <summary>
/// An audit entry with the reasons (<see cref="LateKinds"/>) it counts as late and whom it is about: the employee's NIP today, the unit
/// (the appraisal's, or the employee's placement on the date the fact takes effect) and the cycle, where the stream has them.
/// </summary>
public sealed record LateEntry : AuditEntry
{
    public LateEntry(AuditEntry entry, IReadOnlyList<string> kinds, LateSubject subject)
        : base(entry) => (Kinds, SubjectNip, UnitCode, CycleId) = (kinds, subject.Nip, subject.UnitCode, subject.CycleId);

    public IReadOnlyList<string> Kinds { get; }

    public string? SubjectNip { get; }

    public string? UnitCode { get; }

    public Guid? CycleId { get; }
}

public sealed record LateSubject(string? Nip, string? UnitCode, Guid? CycleId);

/// <summary>
/// Every entry recorded more than <see cref="MinDaysLate"/> days after the date it takes effect (a transfer entered
/// months later, a realisation logged after the fact) or after its cycle closed, across all employees, in commit
/// order; paged by sequence.
/// </summary>
/// <param name="Actor">The acting NIP, user name or account recorded with the entry.</param>
public sealed record ListLateEntries(int? MinDaysLate, int? Limit, long? After, string? Unit = null, Guid? Cycle = null, string? Actor = null)
    : IQuery<Page<LateEntry>>;

public sealed class ListLateEntriesValidator : AbstractValidator<ListLateEntries>
{
    public ListLateEntriesValidator()
    {
        RuleFor(q => q.MinDaysLate).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Actor).MaximumLength(100);
    }
}

public sealed class ListLateEntriesHandler(AuditAccess access, IAuditTrail trail, IAuditEvidence evidence, IEmployeeDirectory directory, AuditSettings settings)
    : IQueryHandler<ListLateEntries, Page<LateEntry>>
{
    private const int Batch = 500;

    public async ValueTask<Page<LateEntry>> Handle(ListLateEntries query, CancellationToken ct)
    {
        access.EnsureAuditor();
        var minDays = query.MinDaysLate ?? settings.LateAfterDays;
        var limit = query.Limit ?? 100;
        var wanted = Wanted(query);
        // Each source is in commit order, so the first limit + 1 of each hold the first limit + 1 of both together.
        var daysLate = await Collect(trail.EffectiveDatedEvents, e => e.DaysBackDated > minDays, wanted, query.After ?? 0, limit + 1, ct);
        var afterClosure = await Collect(trail.EventsAfterCycleClosed, _ => true, wanted, query.After ?? 0, limit + 1, ct);
        var found = daysLate.Select(e => (Found: e, Kind: LateKinds.DaysLate))
            .Concat(afterClosure.Select(e => (Found: e, Kind: LateKinds.AfterCycleClosed)))
            .GroupBy(x => x.Found.Entry.Sequence)
            .OrderBy(g => g.Key)
            .Select(g => new LateEntry(g.First().Found.Entry, [.. g.Select(x => x.Kind)], g.First().Found.Subject))
            .Take(limit + 1)
            .ToList();
        var items = found.Take(limit).ToList();
        return new Page<LateEntry>(items, found.Count > limit ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static Func<AuditEntry, LateSubject, bool> Wanted(ListLateEntries query) => (entry, subject) =>
        (query.Unit is not { } unit || string.Equals(subject.UnitCode, unit, StringComparison.OrdinalIgnoreCase))
        && (query.Cycle is not { } cycle || subject.CycleId == cycle)
        && (query.Actor is not { } actor || entry.ActorNip == actor || entry.UserName == actor || entry.Actor.Account == actor);

    private async Task<List<(AuditEntry Entry, LateSubject Subject)>> Collect(
        Func<long, int, CancellationToken, Task<IReadOnlyList<RecordedEvent>>> source, Func<AuditEntry, bool> late,
        Func<AuditEntry, LateSubject, bool> wanted, long after, int count, CancellationToken ct)
    {
        var found = new List<(AuditEntry, LateSubject)>();
        while (found.Count < count)
        {
            var batch = await source(after, Batch, ct);
            var entries = batch.Select(AuditEntry.From).Where(late).ToList();
            var subjects = await Subjects(entries, ct);
            found.AddRange(entries.Select(e => (e, subjects[e.Sequence])).Where(x => wanted(x.e, x.Item2)));
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        return found;
    }

    /// <summary>Whom each entry is about, in two look-ups per batch: the streams' subjects, then their employees.</summary>
    private async Task<Dictionary<long, LateSubject>> Subjects(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var streams = await evidence.Subjects([.. entries.Select(e => e.StreamId)], ct);
        var employees = (await directory.FindMany([.. streams.Values.Select(s => s.EmployeeId).OfType<Guid>().Distinct()], ct)).ToDictionary(p => p.Id);
        return entries.ToDictionary(e => e.Sequence, e =>
        {
            var subject = streams.GetValueOrDefault(e.StreamId);
            var employee = subject?.EmployeeId is { } id ? employees.GetValueOrDefault(id) : null;
            var on = e.EffectiveOn ?? DateOnly.FromDateTime(e.RecordedAt.ToOffset(Wit.Offset).DateTime);
            return new LateSubject(employee?.Nip, subject?.UnitCode ?? employee?.PlacementOn(on)?.UnitCode, subject?.CycleId);
        });
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
