using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Training;
using Mediator;

using Kinerja.Domain;

namespace Kinerja.Application.Training.GettingBudget;

/// <summary>
/// One partner's grants in the unit's year: <see cref="PartnerId"/> and its registered name for grants naming a registered partner;
/// grants from before partners were registered are grouped by the free text they named, without an id (docs/decisions/103).
/// </summary>
public sealed record PartnerTotal(string Partner, int Grants, int PlannedJp, long Committed, long Realised, Guid? PartnerId, FundedHours Hours);

/// <summary>Training paid by partners, outside the budget: committed = approved or scheduled grants' planned cost; realised = completed grants' actual cost.</summary>
public sealed record PartnerFundedTotals(int Grants, int PlannedJp, long Committed, long Realised, IReadOnlyList<PartnerTotal> ByPartner);

/// <summary>Lesson hours of approved grants: still planned (approved or scheduled) and attended (completed).</summary>
public sealed record FundedHours(int Grants, int PlannedJp, int AttendedJp);

/// <summary>
/// The unit's training hours by who pays, side by side: partners' hours cost the budget nothing (docs/decisions/102).
/// <see cref="PartnerFunded"/> counts grants of registered partners; <see cref="UnregisteredPartnerFunded"/> the older grants
/// that named a partner in free text only (docs/decisions/103).
/// </summary>
public sealed record BudgetHours(FundedHours UnitFunded, FundedHours PartnerFunded, FundedHours UnregisteredPartnerFunded);

public sealed record TrainingBudgetView(
    string UnitCode, int Year, long Allocated, long Reserved, long Spent, long Remaining, PartnerFundedTotals PartnerFunded,
    DateTimeOffset SetAt, Actor SetBy, IReadOnlyList<BudgetAdjustment> Adjustments, BudgetHours Hours);

/// <summary>The ETag is the budget stream's version; partner-funded totals come from the grants and do not move it.</summary>
public sealed record GetTrainingBudget(string UnitCode, int Year) : IQuery<Versioned<TrainingBudgetView>>;

public static class TrainingBudgets
{
    public static NotFound NotFound(string unitCode, int year) =>
        new("training-budget-not-found", $"{unitCode.ToUpperInvariant()} has no training budget for {year}.");
}

public sealed class GetTrainingBudgetHandler(ITrainingDirectory training, IUnitDirectory units, TrainingAccess access, IEventStore store)
    : IQueryHandler<GetTrainingBudget, Versioned<TrainingBudgetView>>
{
    public async ValueTask<Versioned<TrainingBudgetView>> Handle(GetTrainingBudget query, CancellationToken ct)
    {
        access.EnsureReadsEverything("training budgets");
        var unit = await units.Addressed(query.UnitCode, ct);
        var budget = await training.Budget(unit.Code, query.Year, ct) ?? throw TrainingBudgets.NotFound(unit.Code, query.Year);
        var granted = (await training.Grants(new GrantFilter(unit.Code, null, null, query.Year, null, null), ct))
            .Where(g => g.Status is GrantStatus.Approved or GrantStatus.Scheduled or GrantStatus.Completed)
            .ToList();
        var partnerGrants = granted.Where(g => g.Request.Funding.Source == FundingSource.Partner).ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var id in partnerGrants.Select(g => g.Request.Funding.PartnerId).OfType<Guid>().Distinct())
        {
            names[id] = (await training.Partner(id, ct))?.Institution ?? "";
        }

        var view = new TrainingBudgetView(
            unit.Code, query.Year, budget.Allocated, budget.Reserved, budget.Spent, budget.Allocated - budget.Reserved - budget.Spent,
            Totals(partnerGrants, names), budget.SetAt, budget.SetBy, budget.Adjustments,
            new BudgetHours(
                Hours(granted.Where(g => g.Request.Funding.Source == FundingSource.UnitBudget)),
                Hours(partnerGrants.Where(g => g.Request.Funding.PartnerId is not null)),
                Hours(partnerGrants.Where(g => g.Request.Funding.PartnerId is null))));
        return new Versioned<TrainingBudgetView>(view, await store.Version(budget.Id, ct) ?? 0);
    }

    private static PartnerFundedTotals Totals(IReadOnlyList<TrainingGrantRecord> grants, IReadOnlyDictionary<Guid, string> names)
    {
        var byPartner = grants.GroupBy(g => (g.Request.Funding.PartnerId, Name: g.Request.Funding.PartnerId is null ? g.Request.Funding.Partner ?? "" : null))
            .Select(g => new PartnerTotal(
                g.Key.PartnerId is { } id ? names[id] : g.Key.Name!, g.Count(), g.Sum(x => x.Request.PlannedJp), g.Sum(Committed), g.Sum(Realised), g.Key.PartnerId, Hours(g)))
            .OrderBy(p => p.Partner, StringComparer.Ordinal)
            .ToList();
        return new PartnerFundedTotals(
            grants.Count, byPartner.Sum(p => p.PlannedJp), byPartner.Sum(p => p.Committed), byPartner.Sum(p => p.Realised), byPartner);
    }

    private static FundedHours Hours(IEnumerable<TrainingGrantRecord> grants)
    {
        var list = grants.ToList();
        return new FundedHours(
            list.Count, list.Where(g => g.Status != GrantStatus.Completed).Sum(g => g.Request.PlannedJp), list.Sum(g => g.Completion?.AttendedJp ?? 0));
    }

    private static long Committed(TrainingGrantRecord g) => g.Status == GrantStatus.Completed ? 0 : g.Request.Cost;

    private static long Realised(TrainingGrantRecord g) => g.Completion?.ActualCost ?? 0;
}
