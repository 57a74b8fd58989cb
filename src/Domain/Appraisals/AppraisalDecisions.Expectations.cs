using Kinerja.Domain.Cycles;

namespace Kinerja.Domain.Appraisals;

/// <summary>The ekspektasi khusus pimpinan: the rater's to write (PermenPANRB 6/2022); the employee's in the plan are proposals.</summary>
public static partial class AppraisalDecisions
{
    public static IReadOnlyList<object> SetExpectations(
        Appraisal appraisal, AppraisalCycle cycle, IReadOnlyDictionary<BerAkhlak, string> expectations, Guid? actorId, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsurePhase(cycle, "Setting the leader's expectations", PlanPhases);
        EnsureNotRatee(appraisal, actorId);
        var unchanged = appraisal.LeaderExpectations is { } current && current.Count == expectations.Count
            && current.All(e => expectations.TryGetValue(e.Key, out var text) && text == e.Value);
        return unchanged ? [] : [new ExpectationsSet(appraisal.Id, expectations, by, now)];
    }
}
