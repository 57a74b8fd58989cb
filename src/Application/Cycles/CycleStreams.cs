using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Cycles;

/// <summary>The one path every write to an existing cycle takes: fetch at the caller's version, decide, commit.</summary>
public sealed class CycleStreams(IEventStore store, ICurrentActor current, TimeProvider clock)
{
    /// <summary>The instant a period ends: midnight WIT after its last day.</summary>
    public static DateTimeOffset EvaluationDueAt(DateOnly periodEnd) => new(periodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), Wit.Offset);

    public async Task<Written> Decide(
        Guid id, long? expectedVersion, Func<AppraisalCycle, string, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct,
        Func<AppraisalCycle, IReadOnlyList<object>, Task>? beforeCommit = null)
    {
        var stream = await store.FetchForWriting<AppraisalCycle>(id, expectedVersion, ct);
        var cycle = stream.State ?? throw NotFound(id);
        var events = decide(cycle, current.Actor.UserName, clock.GetUtcNow());
        stream.Append(events);
        if (beforeCommit is not null)
        {
            await beforeCommit(cycle, events);
        }

        await store.SaveChanges(null, ct);
        return new Written(id, stream.Version + events.Count, id.ToString());
    }

    public async Task<AppraisalCycle> Load(Guid id, CancellationToken ct) => await store.Load<AppraisalCycle>(id, ct) ?? throw NotFound(id);

    public static NotFound NotFound(Guid id) => new("cycle-not-found", $"There is no appraisal cycle {id}.");
}
