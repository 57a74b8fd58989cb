using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Appraisals;

/// <summary>The appraisal a route addresses (cycle id + the employee's NIP) and the one path every write to it takes.</summary>
public sealed class AppraisalStreams(IEventStore store, IAppraisalAddresses addresses, TimeProvider clock)
{
    public delegate Task<IReadOnlyList<object>> Decision(Appraisal appraisal, AppraisalCycle cycle, DateTimeOffset now);

    /// <remarks>
    /// Every write to an appraisal locks its stream first (<see cref="WriteLock.Exclusive"/>): public feedback, realisations
    /// and feedback arrive at once from different callers, and with some writers locking the stream row at fetch and others
    /// only at commit, PostgreSQL found deadlocks (40P01) between them. One lock order makes them queue; If-Match still holds.
    /// </remarks>
    public Task<Written> Decide(Guid cycleId, string nip, Decision decide, CancellationToken ct, WriteLock mode = WriteLock.Exclusive) =>
        Decide<Appraisal>(cycleId, nip, (appraisal, cycle, now) => decide(appraisal, cycle, now), ct, mode);

    /// <summary>
    /// A write decided on another state of the appraisal's stream than <see cref="Appraisal"/>: a document kept inline from its
    /// events (the <see cref="AppraisalStanding"/> for public feedback, docs/decisions/152), fetched under the same lock and at
    /// the same stream version as the folded state would be.
    /// </summary>
    public async Task<Written> Decide<TState>(
        Guid cycleId, string nip, Func<TState, AppraisalCycle, DateTimeOffset, Task<IReadOnlyList<object>>> decide, CancellationToken ct,
        WriteLock mode = WriteLock.Exclusive) where TState : class
    {
        return await Decide(await addresses.FindForWriting(cycleId, nip, ct), cycleId, nip, decide, ct, mode);
    }

    /// <summary>
    /// <see cref="Decide{TState}(Guid, string, Func{TState, AppraisalCycle, DateTimeOffset, Task{IReadOnlyList{object}}}, CancellationToken, WriteLock)"/>
    /// with the address already looked up on the write's connection, by a look-up that also read what the decision needs
    /// (a public feedback's rows, docs/decisions/168).
    /// </summary>
    public async Task<Written> Decide<TState>(
        (AppraisalCycle? Cycle, EmployeeProfile? Profile) found, Guid cycleId, string nip,
        Func<TState, AppraisalCycle, DateTimeOffset, Task<IReadOnlyList<object>>> decide, CancellationToken ct, WriteLock mode = WriteLock.Exclusive)
        where TState : class
    {
        var (cycle, profile) = Known(found, cycleId, nip);
        var id = Appraisal.IdFor(cycleId, profile.Id);
        var version = await store.Decide<TState>(id, () => NotFound(nip), async state => await decide(state, cycle, clock.GetUtcNow()), ct, mode);
        return new Written(id, version, profile.Nip);
    }

    /// <summary>The appraisal's read model, for queries.</summary>
    public async Task<(AppraisalRecord Record, AppraisalCycle Cycle)> Read(IAppraisalDirectory appraisals, Guid cycleId, string nip, CancellationToken ct)
    {
        var (cycle, profile) = Known(await addresses.Find(cycleId, nip, ct), cycleId, nip);
        var record = await appraisals.Find(Appraisal.IdFor(cycleId, profile.Id), ct) ?? throw NotFound(nip);
        return (record, cycle);
    }

    /// <summary>The cycle and the employee a route names (looked up in one round trip); either unknown is a 404.</summary>
    private static (AppraisalCycle Cycle, EmployeeProfile Profile) Known((AppraisalCycle? Cycle, EmployeeProfile? Profile) found, Guid cycleId, string nip) =>
        (found.Cycle ?? throw CycleStreams.NotFound(cycleId), found.Profile ?? throw EmployeeRules.NotFound(nip));

    public static NotFound NotFound(string nip) => new("appraisal-not-found", $"{nip} has no appraisal in this cycle.");
}
