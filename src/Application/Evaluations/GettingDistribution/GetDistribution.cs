using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Units;
using Kinerja.Domain.Evaluations;
using Mediator;

using Kinerja.Domain;

namespace Kinerja.Application.Evaluations.GettingDistribution;

/// <summary>A unit's actual spread of final predikat against the guidance its own result sets.</summary>
public sealed record GetDistribution(Guid CycleId, string UnitCode) : IQuery<Versioned<UnitDistribution>>;

/// <summary>
/// Who recorded the unit's result (the leader of the next-higher unit, or hr-admin for them with <see cref="Reason"/>), and what it
/// gives the unit's head as the period closed (<see cref="HeadNip"/>): rating hasil kerja <see cref="HeadResults"/> by the mapping <see cref="Rule"/>.
/// </summary>
public sealed record UnitResultSource(Actor RecordedBy, DateTimeOffset RecordedAt, string? Reason, string? HeadNip, Rating HeadResults, string Rule);

/// <summary>
/// <see cref="Justified"/>: true when every current breach is answered by the latest justification, false when one is
/// not, null when there is no breach (nothing to justify). <see cref="Guidance"/>: the bounds the unit's result sets, so the raters
/// who apply them can read them (none before the result is recorded).
/// </summary>
public sealed record UnitDistribution(
    Guid CycleId,
    string UnitCode,
    UnitResult? Result,
    string GuidanceVersion,
    int Final,
    IReadOnlyDictionary<Predikat, int> Counts,
    IReadOnlyList<string> Breaches,
    bool? Justified,
    IReadOnlyList<BreachJustification> Justifications,
    UnitResultSource? ResultSource,
    IReadOnlyList<DistributionBound>? Guidance = null);

public sealed class GetDistributionHandler(UnitEvaluationStreams units, IUnitEvaluationDirectory directory, CycleStreams cycles, IUnitDirectory unitDirectory, IEventStore store)
    : IQueryHandler<GetDistribution, Versioned<UnitDistribution>>
{
    public async ValueTask<Versioned<UnitDistribution>> Handle(GetDistribution query, CancellationToken ct)
    {
        var cycle = await cycles.Load(query.CycleId, ct);
        var unit = await unitDirectory.Addressed(query.UnitCode, ct);
        var id = UnitEvaluation.IdFor(query.CycleId, query.UnitCode);
        var record = await directory.Find(id, ct);
        var final = await units.FinalPredikat(query.CycleId, query.UnitCode, ct);
        var counts = Enum.GetValues<Predikat>().ToDictionary(p => p, p => final.GetValueOrDefault(p));
        IReadOnlyList<string> breaches = record is null ? [] : [.. DistributionGuidance.Breaches(record.Result, counts).Select(b => b.Description)];
        var latest = record?.Justifications.LastOrDefault();
        bool? justified = breaches.Count == 0 ? null : latest is not null && breaches.All(latest.Breaches.Contains);
        var view = new UnitDistribution(query.CycleId, query.UnitCode, record?.Result, DistributionGuidance.Version, counts.Values.Sum(), counts,
            breaches, justified, record?.Justifications ?? [],
            record is null ? null : new UnitResultSource(record.RecordedBy, record.RecordedAt, record.Reason, unit.HeadOn(cycle.PeriodEnd)?.HeadNip,
                UnitHeadRule.RatingFor(record.Result), UnitHeadRule.Version),
            record is null ? null : DistributionGuidance.For(record.Result));
        return new Versioned<UnitDistribution>(view, await store.Version(id, ct) ?? 0);
    }
}
