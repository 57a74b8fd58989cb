using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.ListingJpShortfalls;

public sealed record JpShortfall(string Nip, string FullName, int CompletedJp, int PlannedJp, int MissingJp);

/// <summary>
/// The unit's PNS (by their latest placement) employed in the year whose completed JP are below the
/// yearly minimum, ordered by NIP. PPPK have a cap, not a minimum, so they are not listed.
/// </summary>
public sealed record ListJpShortfalls(string UnitCode, int? Year, int? Limit, string? Cursor) : IQuery<Page<JpShortfall>>;

public sealed class ListJpShortfallsValidator : AbstractValidator<ListJpShortfalls>
{
    public ListJpShortfallsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Year!.Value).BudgetYear().When(q => q.Year is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => Cursor.Decode(c) is not null);
    }
}

public sealed class ListJpShortfallsHandler(IEmployeeDirectory directory, ITrainingDirectory training, IUnitDirectory units, TimeProvider clock)
    : IQueryHandler<ListJpShortfalls, Page<JpShortfall>>
{
    private const int Batch = 200;

    public async ValueTask<Page<JpShortfall>> Handle(ListJpShortfalls query, CancellationToken ct)
    {
        var unit = await units.Addressed(query.UnitCode, ct);
        var year = query.Year ?? clock.Today().Year;
        var rule = JpEntitlement.For(EmploymentType.PNS);
        var limit = query.Limit ?? Paging.DefaultLimit;
        var found = new List<JpShortfall>();
        var after = query.Cursor is { } c ? Cursor.Decode(c) : null;
        // The shortfall is known only after reading each ledger, so the directory is walked in NIP order until a page (and one more) is found.
        while (found.Count <= limit)
        {
            var batch = await directory.List(new EmployeeFilter(unit.Code, null, after, Batch), ct);
            var candidates = batch.Where(p => p.EmploymentType == EmploymentType.PNS && EmployedIn(p, year)).ToList();
            var ledgers = (await training.Ledgers([.. candidates.Select(p => p.Id)], ct)).ToDictionary(l => l.EmployeeId);
            foreach (var p in candidates)
            {
                var entries = ledgers.GetValueOrDefault(p.Id)?.Entries.Where(e => e.Year == year).ToList() ?? [];
                var completed = entries.Where(e => e.Completed).Sum(e => e.Jp);
                if (completed < rule.Jp)
                {
                    found.Add(new JpShortfall(p.Nip, p.FullName, completed, entries.Where(e => !e.Completed).Sum(e => e.Jp), rule.Jp - completed));
                }
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Nip;
        }

        var items = found.Take(limit).ToList();
        return new Page<JpShortfall>(items, found.Count > limit ? Cursor.Encode(items[^1].Nip) : null);
    }

    private static bool EmployedIn(EmployeeProfile p, int year) =>
        p.StartDate.Year <= year && (p.EndedOn is not { } ended || ended > new DateOnly(year, 1, 1));
}
