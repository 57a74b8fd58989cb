using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Appraisals;

/// <summary>The appraisal a route addresses (cycle id + the employee's NIP) and the one path every write to it takes.</summary>
public sealed class AppraisalStreams(IEventStore store, IEmployeeDirectory employees, CycleStreams cycles, TimeProvider clock)
{
    public delegate Task<IReadOnlyList<object>> Decision(Appraisal appraisal, AppraisalCycle cycle, DateTimeOffset now);

    /// <summary>Fetch at the caller's version (or, when <paramref name="exclusive"/>, wait for other writers), decide, commit.</summary>
    public async Task<Written> Decide(Guid cycleId, string nip, long? expectedVersion, Decision decide, CancellationToken ct, bool exclusive = false)
    {
        var cycle = await cycles.Load(cycleId, ct);
        var profile = await employees.Addressed(nip, ct);
        var id = Appraisal.IdFor(cycleId, profile.Id);
        if (await store.Version(id, ct) is null)
        {
            throw NotFound(nip);
        }

        var stream = exclusive ? await store.FetchForExclusiveWriting<Appraisal>(id, ct) : await store.FetchForWriting<Appraisal>(id, expectedVersion, ct);
        var events = await decide(stream.State!, cycle, clock.GetUtcNow());
        stream.Append(events);
        await store.SaveChanges(null, ct);
        return new Written(id, stream.Version + events.Count, profile.Nip);
    }

    /// <summary>The appraisal's read model, for queries.</summary>
    public async Task<(AppraisalRecord Record, AppraisalCycle Cycle)> Read(IAppraisalDirectory appraisals, Guid cycleId, string nip, CancellationToken ct)
    {
        var cycle = await cycles.Load(cycleId, ct);
        var profile = await employees.Addressed(nip, ct);
        var record = await appraisals.Find(Appraisal.IdFor(cycleId, profile.Id), ct) ?? throw NotFound(nip);
        return (record, cycle);
    }

    public static NotFound NotFound(string nip) => new("appraisal-not-found", $"{nip} has no appraisal in this cycle.");
}
