using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;

using Kinerja.Domain;

namespace Kinerja.Application.Cycles;

/// <summary>The one path every write to an existing cycle takes: fetch at the caller's version, decide, commit.</summary>
public sealed class CycleStreams(IEventStore store, ICurrentActor current, TimeProvider clock)
{
    /// <summary>The instant a period ends: midnight WIT after its last day.</summary>
    public static DateTimeOffset EvaluationDueAt(DateOnly periodEnd) => new(periodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), Wit.Offset);

    /// <param name="beforeCommit">Work enrolled in the same unit of work as the events (a scheduled message), given what was decided.</param>
    public async Task<Written> Decide(
        Guid id, Func<AppraisalCycle, Actor, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct,
        Func<AppraisalCycle, IReadOnlyList<object>, Task>? beforeCommit = null)
    {
        var version = await store.Decide<AppraisalCycle>(id, () => NotFound(id), async cycle =>
        {
            var events = decide(cycle, current.Actor, clock.GetUtcNow());
            if (beforeCommit is not null)
            {
                await beforeCommit(cycle, events);
            }

            return events;
        }, ct);
        return new Written(id, version, id.ToString());
    }

    public async Task<AppraisalCycle> Load(Guid id, CancellationToken ct) => await store.Load<AppraisalCycle>(id, ct) ?? throw NotFound(id);

    public static NotFound NotFound(Guid id) => new("cycle-not-found", $"There is no appraisal cycle {id}.");
}
