using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Evaluations;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.FollowUps;

using Kinerja.Domain;

namespace Kinerja.Application.FollowUps;

/// <summary>The one path every follow-up write takes: the employee by NIP, the cycle, their final appraisal in it, then decide and commit.</summary>
public sealed class FollowUpStreams(
    IEventStore store, IEmployeeDirectory employees, CycleStreams cycles, IAppraisalDirectory appraisals, FinalAppraisals finals, ICurrentActor current, TimeProvider clock)
{
    public delegate IReadOnlyList<object> Decision(FollowUp? state, AppraisalCycle cycle, FinalFacts facts, Actor by, DateTimeOffset now);

    public async Task<Written> Decide(string nip, Guid cycleId, Decision decide, CancellationToken ct)
    {
        var profile = await employees.Addressed(nip, ct);
        var cycle = await cycles.Load(cycleId, ct);
        var facts = await Facts(profile.Id, cycleId, ct);
        var id = FollowUp.IdFor(profile.Id);
        var version = await store.Decide<FollowUp>(id, followUp => decide(followUp, cycle, facts, current.Actor, clock.GetUtcNow()), ct);
        return new Written(id, version, profile.Nip);
    }

    /// <summary>The employee's final appraisal of the cycle and its place in the unit under the top-of-unit rule.</summary>
    private async Task<FinalFacts> Facts(Guid employeeId, Guid cycleId, CancellationToken ct)
    {
        var record = await appraisals.Find(Appraisal.IdFor(cycleId, employeeId), ct);
        if (record is null || !FinalAppraisals.IsFinal(record))
        {
            return new FinalFacts(employeeId, null, null, null, 0, false);
        }

        var standing = finals.Top(await finals.Of(cycleId, record.UnitCode, ct)).Ranked.Single(r => r.Standing.Key == record.Nip);
        return new FinalFacts(employeeId, record.UnitCode, record.Evaluation!.Predikat, record.Score?.Value, standing.Rank, standing.InTop);
    }
}
