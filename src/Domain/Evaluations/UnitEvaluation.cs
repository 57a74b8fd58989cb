using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Cycles;

namespace Kinerja.Domain.Evaluations;

/// <summary>
/// The unit's own result for the cycle; a later record replaces it. Recorded by hr-admin by hand, or, with
/// <paramref name="HeadNip"/> and <paramref name="HeadResults"/>, by the system when the unit head's evaluation became final.
/// </summary>
public sealed record UnitResultRecorded(
    Guid UnitEvaluationId, Guid CycleId, string UnitCode, UnitResult Result, Actor By, DateTimeOffset RecordedAt, string? HeadNip = null, Rating? HeadResults = null);

/// <summary>
/// Why the unit's spread of final predikat is outside the guidance, with the breaches and counts it
/// answers and the guidance version, so the flag and its answer stay readable as they were.
/// </summary>
public sealed record DistributionBreachJustified(
    Guid UnitEvaluationId,
    UnitResult Result,
    IReadOnlyList<string> Breaches,
    IReadOnlyDictionary<Predikat, int> Counts,
    string GuidanceVersion,
    string Justification,
    Actor By,
    DateTimeOffset JustifiedAt);

/// <summary>A unit in a cycle: its own result (<see cref="FromHeadNip"/> when it followed the head's rating) and the justifications of its distribution breaches.</summary>
public sealed record UnitEvaluation(Guid Id, Guid CycleId, string UnitCode, UnitResult Result, IReadOnlyList<string> JustifiedBreaches, string? FromHeadNip = null)
{
    /// <summary>Derived from (cycle, unit), so two first records race for one stream and the store lets one start it.</summary>
    public static Guid IdFor(Guid cycleId, string unitCode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"kinerja/unit-evaluation/{cycleId:N}/{unitCode}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static UnitEvaluation Evolve(UnitEvaluation? state, object @event) => (state, @event) switch
    {
        (null, UnitResultRecorded e) => new UnitEvaluation(e.UnitEvaluationId, e.CycleId, e.UnitCode, e.Result, [], e.HeadNip),
        (not null, UnitResultRecorded e) => state with { Result = e.Result, JustifiedBreaches = [], FromHeadNip = e.HeadNip },
        (not null, DistributionBreachJustified e) => state with { JustifiedBreaches = e.Breaches },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to unit evaluation {(state is null ? "before its result" : state.Id)}."),
    };
}

/// <summary>Pure decisions on a unit's result and its distribution: flagged and justified, never blocked.</summary>
public static class UnitEvaluationDecisions
{
    /// <summary>By hand: replaces any result, including one that followed the head; the same result by hand again changes nothing.</summary>
    public static IReadOnlyList<object> RecordResult(UnitEvaluation? state, AppraisalCycle cycle, string unitCode, UnitResult result, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        return state is { FromHeadNip: null } && state.Result == result
            ? []
            : [new UnitResultRecorded(state?.Id ?? UnitEvaluation.IdFor(cycle.Id, unitCode), cycle.Id, unitCode, result, by, now)];
    }

    /// <summary>
    /// The unit head's evaluation became final: the unit's result follows their results rating (<see cref="UnitHeadRule"/>),
    /// unless hr-admin recorded one by hand, which stands.
    /// </summary>
    public static IReadOnlyList<object> FollowHead(
        UnitEvaluation? state, AppraisalCycle cycle, string unitCode, string headNip, Rating headResults, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        var result = UnitHeadRule.ResultFor(headResults);
        return state is { FromHeadNip: null } || (state?.FromHeadNip == headNip && state.Result == result)
            ? []
            : [new UnitResultRecorded(state?.Id ?? UnitEvaluation.IdFor(cycle.Id, unitCode), cycle.Id, unitCode, result, by, now, headNip, headResults)];
    }

    /// <param name="counts">The unit's final predikat, as they stand now.</param>
    public static IReadOnlyList<object> JustifyBreach(
        UnitEvaluation? state, AppraisalCycle cycle, IReadOnlyDictionary<Predikat, int> counts, string justification, Actor by, DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        if (state is null)
        {
            throw new DomainRuleViolation("unit-result-missing", "The unit's own result for the cycle is recorded first; the guidance follows from it.");
        }

        var breaches = DistributionGuidance.Breaches(state.Result, counts).Select(b => b.Description).ToList();
        if (breaches.Count == 0)
        {
            throw new DomainRuleViolation("no-distribution-breach", "The unit's spread of predikat is within the guidance; there is nothing to justify.");
        }

        return
        [
            new DistributionBreachJustified(state.Id, state.Result, breaches, counts.ToDictionary(), DistributionGuidance.Version, justification.Trim(), by, now),
        ];
    }
}
