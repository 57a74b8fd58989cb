using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.ListingSupportNeeds;

/// <summary>Tindak lanjut: the unit's employees whose final predikat calls for support, in NIP order.</summary>
public sealed record ListSupportNeeds(Guid CycleId, string UnitCode) : IQuery<IReadOnlyList<SupportNeed>>;

/// <summary>The same across the cycle, ordered by unit code, then NIP; paged by cursor.</summary>
public sealed record ListCycleSupportNeeds(Guid CycleId, int? Limit, string? Cursor) : IQuery<Page<SupportNeed>>;

public sealed record SupportNeed(string Nip, Predikat Predikat, DateTimeOffset FinalAt, string UnitCode);

public sealed class ListCycleSupportNeedsValidator : AbstractValidator<ListCycleSupportNeeds>
{
    public ListCycleSupportNeedsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || FollowUpPaging.After(FollowUpPaging.SupportNeeds, c) is not null).WithMessage("is not a cursor this API issued");
    }
}

public sealed class ListSupportNeedsHandler(FinalAppraisals finals, CycleStreams cycles)
    : IQueryHandler<ListSupportNeeds, IReadOnlyList<SupportNeed>>, IQueryHandler<ListCycleSupportNeeds, Page<SupportNeed>>
{
    public async ValueTask<IReadOnlyList<SupportNeed>> Handle(ListSupportNeeds query, CancellationToken ct) =>
        [.. (await Needs(query.CycleId, query.UnitCode, ct)).OrderBy(n => n.Nip, StringComparer.Ordinal)];

    public async ValueTask<Page<SupportNeed>> Handle(ListCycleSupportNeeds query, CancellationToken ct) =>
        FollowUpPaging.Page(FollowUpPaging.SupportNeeds, await Needs(query.CycleId, null, ct), n => $"{n.UnitCode} {n.Nip}", query.Limit, query.Cursor);

    private async Task<IReadOnlyList<SupportNeed>> Needs(Guid cycleId, string? unitCode, CancellationToken ct)
    {
        await cycles.Load(cycleId, ct);
        var needing = (await finals.Of(cycleId, unitCode, ct)).Where(FinalAppraisals.NeedsSupport).ToList();
        var nipOf = await finals.CurrentNips(needing, ct);
        return [.. needing.Select(a => new SupportNeed(nipOf(a), a.Evaluation!.Predikat, a.Evaluation.ApprovedAt!.Value, a.UnitCode))];
    }
}
