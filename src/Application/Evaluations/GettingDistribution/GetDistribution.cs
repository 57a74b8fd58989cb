using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.GettingDistribution;

/// <summary>A unit's actual spread of final predikat against the guidance its own result sets.</summary>
public sealed record GetDistribution(Guid CycleId, string UnitCode) : IQuery<Versioned<UnitDistribution>>;

/// <summary><see cref="Justified"/>: every current breach is answered by the latest justification.</summary>
public sealed record UnitDistribution(
    Guid CycleId,
    string UnitCode,
    UnitResult? Result,
    string GuidanceVersion,
    int Final,
    IReadOnlyDictionary<Predikat, int> Counts,
    IReadOnlyList<string> Breaches,
    bool Justified,
    IReadOnlyList<BreachJustification> Justifications);

public sealed class GetDistributionHandler(UnitEvaluationStreams units, IUnitEvaluationDirectory directory, CycleStreams cycles, IEventStore store)
    : IQueryHandler<GetDistribution, Versioned<UnitDistribution>>
{
    public async ValueTask<Versioned<UnitDistribution>> Handle(GetDistribution query, CancellationToken ct)
    {
        await cycles.Load(query.CycleId, ct);
        var id = UnitEvaluation.IdFor(query.CycleId, query.UnitCode);
        var record = await directory.Find(id, ct);
        var final = await units.FinalPredikat(query.CycleId, query.UnitCode, ct);
        var counts = Enum.GetValues<Predikat>().ToDictionary(p => p, p => final.GetValueOrDefault(p));
        IReadOnlyList<string> breaches = record is null ? [] : [.. DistributionGuidance.Breaches(record.Result, counts).Select(b => b.Description)];
        var latest = record?.Justifications.LastOrDefault();
        var justified = breaches.Count > 0 && latest is not null && breaches.All(latest.Breaches.Contains);
        var view = new UnitDistribution(query.CycleId, query.UnitCode, record?.Result, DistributionGuidance.Version, counts.Values.Sum(), counts,
            breaches, justified, record?.Justifications ?? []);
        return new Versioned<UnitDistribution>(view, await store.Version(id, ct) ?? 0);
    }
}
