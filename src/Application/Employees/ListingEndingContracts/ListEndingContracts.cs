using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Employees.ListingEndingContracts;

public sealed record RecentPredikat(Guid CycleId, CycleKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, Predikat Predikat);

/// <summary>A PPPK whose agreement ends soon, with the final predikat of their latest cycles: the basis of the extension decision.</summary>
public sealed record EndingContract(
    string Nip, string FullName, string? UnitCode, string Reference, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<RecentPredikat> RecentPredikat);

/// <summary>PPPK whose latest agreement ends within <see cref="WithinMonths"/> months from today (WIT), soonest first.</summary>
public sealed record ListEndingContracts(int? WithinMonths, int? Limit, int? Offset) : IQuery<Page<EndingContract>>;

public sealed class ListEndingContractsValidator : AbstractValidator<ListEndingContracts>
{
    public ListEndingContractsValidator()
    {
        RuleFor(q => q.WithinMonths).NotNull().InclusiveBetween(1, 60);
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
    }
}

public sealed class ListEndingContractsHandler(
    IEmployeeDirectory directory, IAppraisalDirectory appraisals, ICycleDirectory cycles, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<ListEndingContracts, Page<EndingContract>>
{
    /// <summary>The annual and periodic results of about the last two years.</summary>
    private const int RecentKept = 4;

    public async ValueTask<Page<EndingContract>> Handle(ListEndingContracts query, CancellationToken ct)
    {
        if (!Roles.ReadsEverything(current.Actor.Role))
        {
            throw new AccessDenied("The list of ending PPPK agreements is read by hr-admin, auditors and the portal.");
        }

        var today = clock.Today();
        var limit = query.Limit ?? Paging.DefaultLimit;
        var offset = query.Offset ?? 0;
        var rows = await directory.ContractsEnding(today, today.AddMonths(query.WithinMonths!.Value), offset, limit + 1, ct);
        var page = rows.Take(limit).ToList();
        var finals = (await appraisals.FinalOf([.. page.Select(p => p.Id)], ct)).ToLookup(a => a.EmployeeId);
        var periods = new Dictionary<Guid, CycleRecord?>();
        var items = new List<EndingContract>();
        foreach (var profile in page)
        {
            var recent = new List<RecentPredikat>();
            foreach (var record in finals[profile.Id])
            {
                if (!periods.TryGetValue(record.CycleId, out var cycle))
                {
                    periods[record.CycleId] = cycle = await cycles.Find(record.CycleId, ct);
                }

                if (cycle is not null)
                {
                    recent.Add(new RecentPredikat(cycle.Id, cycle.Kind, cycle.PeriodStart, cycle.PeriodEnd, record.Evaluation!.Predikat));
                }
            }

            var contract = profile.Contracts!.MaxBy(c => c.EndsOn)!;
            items.Add(new EndingContract(profile.Nip, profile.FullName, profile.PlacementOn(today)?.UnitCode, contract.Reference, contract.StartsOn,
                contract.EndsOn, [.. recent.OrderByDescending(r => r.PeriodEnd).ThenBy(r => r.Kind).Take(RecentKept)]));
        }

        return new Page<EndingContract>(items, rows.Count > limit ? (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
