using Kinerja.Application.Appraisals;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.ListingSupportNeeds;

/// <summary>Tindak lanjut: the unit's employees whose final predikat calls for support, in NIP order.</summary>
public sealed record ListSupportNeeds(Guid CycleId, string UnitCode) : IQuery<IReadOnlyList<SupportNeed>>;

public sealed record SupportNeed(string Nip, Predikat Predikat, DateTimeOffset FinalAt);

public sealed class ListSupportNeedsHandler(IAppraisalDirectory appraisals, CycleStreams cycles) : IQueryHandler<ListSupportNeeds, IReadOnlyList<SupportNeed>>
{
    private static readonly Predikat[] NeedSupport = [Predikat.ButuhPerbaikan, Predikat.Kurang, Predikat.SangatKurang];

    public async ValueTask<IReadOnlyList<SupportNeed>> Handle(ListSupportNeeds query, CancellationToken ct)
    {
        await cycles.Load(query.CycleId, ct);
        return [.. (await appraisals.InUnit(query.CycleId, query.UnitCode, ct))
            .Where(a => a.Evaluation is { Status: EvaluationStatus.Approved } e && NeedSupport.Contains(e.Predikat))
            .OrderBy(a => a.Nip, StringComparer.Ordinal)
            .Select(a => new SupportNeed(a.Nip, a.Evaluation!.Predikat, a.Evaluation.ApprovedAt!.Value))];
    }
}
