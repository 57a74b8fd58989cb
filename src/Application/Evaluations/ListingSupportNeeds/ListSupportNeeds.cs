using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.FollowUps;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.ListingSupportNeeds;

/// <summary>Tindak lanjut: the unit's employees whose final predikat calls for support, in NIP order.</summary>
public sealed record ListSupportNeeds(Guid CycleId, string UnitCode) : IQuery<IReadOnlyList<SupportNeed>>;

/// <summary>The same across the cycle, ordered by unit code, then NIP; paged by cursor.</summary>
public sealed record ListCycleSupportNeeds(Guid CycleId, int? Limit, string? Cursor) : IQuery<Page<SupportNeed>>;

/// <summary>Where the follow-up of a support need stands: no plan yet, a plan recorded (to review on its date), or carried out.</summary>
public enum SupportPlanState { None, Recorded, Completed }

/// <summary>One employee needing support, named, with where their support plan stands (<see cref="ReviewOn"/> once one is recorded).</summary>
public sealed record SupportNeed(
    string Nip, Predikat Predikat, DateTimeOffset FinalAt, string UnitCode, string? FullName = null, SupportPlanState SupportPlan = SupportPlanState.None,
    DateOnly? ReviewOn = null);

public sealed class ListCycleSupportNeedsValidator : AbstractValidator<ListCycleSupportNeeds>
{
    public ListCycleSupportNeedsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => FollowUpPaging.After(FollowUpPaging.SupportNeeds, c) is not null);
    }
}

public sealed class ListSupportNeedsHandler(FinalAppraisals finals, CycleStreams cycles, IFollowUpDirectory followUps)
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
        var person = await finals.CurrentPeople(needing, ct);
        var followUp = (await followUps.Of([.. needing.Select(a => a.EmployeeId).Distinct()], ct)).ToDictionary(f => f.EmployeeId);
        return [.. needing.Select(a =>
        {
            var state = followUp.GetValueOrDefault(a.EmployeeId);
            var plan = state?.SupportPlanIn(cycleId);
            var stands = plan is null ? SupportPlanState.None : state!.CompletionIn(cycleId) is null ? SupportPlanState.Recorded : SupportPlanState.Completed;
            return new SupportNeed(person(a).Nip, a.Evaluation!.Predikat, a.Evaluation.ApprovedAt!.Value, a.UnitCode, person(a).FullName, stands, plan?.ReviewOn);
        })];
    }
}
