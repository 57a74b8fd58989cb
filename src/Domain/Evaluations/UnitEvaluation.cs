using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Cycles;

namespace Kinerja.Domain.Evaluations;

/// <summary>
/// The unit's own result for the cycle (capaian kinerja organisasi); a later record replaces it. Recorded by the leader of the
/// next-higher unit, or by hr-admin on their behalf with <paramref name="Reason"/>. <paramref name="HeadNip"/> and
/// <paramref name="HeadResults"/> are only on results stored before ADR 084, when the unit followed its head's rating.
/// </summary>
public sealed record UnitResultRecorded(
    Guid UnitEvaluationId,
    Guid CycleId,
    string UnitCode,
    UnitResult Result,
    Actor By,
    DateTimeOffset RecordedAt,
    string? HeadNip = null,
    Rating? HeadResults = null,
    string? Reason = null);

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

/// <summary>A unit in a cycle: its own result and the justifications of its distribution breaches.</summary>
public sealed record UnitEvaluation(Guid Id, Guid CycleId, string UnitCode, UnitResult Result, IReadOnlyList<string> JustifiedBreaches)
{
    /// <summary>Derived from (cycle, unit), so two first records race for one stream and the store lets one start it.</summary>
    public static Guid IdFor(Guid cycleId, string unitCode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"kinerja/unit-evaluation/{cycleId:N}/{unitCode}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static UnitEvaluation Evolve(UnitEvaluation? state, object @event) => (state, @event) switch
    {
        (null, UnitResultRecorded e) => new UnitEvaluation(e.UnitEvaluationId, e.CycleId, e.UnitCode, e.Result, []),
        (not null, UnitResultRecorded e) => state with { Result = e.Result, JustifiedBreaches = [] },
        (not null, DistributionBreachJustified e) => state with { JustifiedBreaches = e.Breaches },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to unit evaluation {(state is null ? "before its result" : state.Id)}."),
    };
}

/// <summary>Pure decisions on a unit's result and its distribution: flagged and justified, never blocked.</summary>
public static class UnitEvaluationDecisions
{
    /// <summary>
    /// Replaces any earlier result; the same result again changes nothing. The unit's head takes their rating hasil kerja from it
    /// (<see cref="UnitHeadRule"/>), so a result that contradicts the head's evaluation already submitted or approved is refused:
    /// the evaluation would stand on a result that no longer holds.
    /// </summary>
    /// <param name="headEvaluated">The unit head and the results rating of their evaluation in this cycle, when submitted or approved.</param>
    public static IReadOnlyList<object> RecordResult(
        UnitEvaluation? state, AppraisalCycle cycle, string unitCode, UnitResult result, (string Nip, Rating Results)? headEvaluated, Actor by, string? reason,
        DateTimeOffset now)
    {
        CycleDecisions.EnsureOpen(cycle);
        if (state?.Result == result)
        {
            return [];
        }

        if (headEvaluated is { } head && head.Results != UnitHeadRule.RatingFor(result))
        {
            throw new DomainRuleViolation("unit-head-evaluated",
                $"The head of {unitCode} ({head.Nip}) is already evaluated with rating hasil kerja {head.Results}; a unit result of {result} gives "
                + $"{UnitHeadRule.RatingFor(result)} ({UnitHeadRule.Version}). Have the head's evaluation returned by their approver first, then record the result.",
                new Dictionary<string, object> { ["headNip"] = head.Nip, ["headResults"] = head.Results.ToString() });
        }

        return [new UnitResultRecorded(state?.Id ?? UnitEvaluation.IdFor(cycle.Id, unitCode), cycle.Id, unitCode, result, by, now, Reason: reason?.Trim())];
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
