using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Evaluations;
using Mediator;

using Kinerja.Domain;

namespace Kinerja.Application.Evaluations.GettingDistribution;

/// <summary>A unit's actual spread of final predikat against the guidance its own result sets.</summary>
public sealed record GetDistribution(Guid CycleId, string UnitCode) : IQuery<Versioned<UnitDistribution>>;

/// <summary>
/// Who set the unit's result: hr-admin by hand, or the system from the unit head's final results rating
/// (<see cref="HeadNip"/>, <see cref="HeadResults"/> and the mapping's version in <see cref="Rule"/>).
/// </summary>
public sealed record UnitResultSource(Actor RecordedBy, DateTimeOffset RecordedAt, string? HeadNip, Rating? HeadResults, string? Rule);

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
    IReadOnlyList<BreachJustification> Justifications,
    UnitResultSource? ResultSource);

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
            breaches, justified, record?.Justifications ?? [],
            record is null ? null : new UnitResultSource(record.RecordedBy, record.RecordedAt, record.HeadNip, record.HeadResults, record.HeadNip is null ? null : UnitHeadRule.Version));
        return new Versioned<UnitDistribution>(view, await store.Version(id, ct) ?? 0);
    }
}
