using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.ListingSubordinates;

/// <summary>
/// Those whose direct superior on the date (default today, WIT) is the employee and who were employed then, ordered by NIP and paged
/// by cursor; unit and position as of that date. Read by whoever may read the employee's own record.
/// </summary>
public sealed record ListSubordinates(string Nip, DateOnly? On, int? Limit, string? Cursor) : IQuery<Page<EmployeeListItem>>;

public sealed class ListSubordinatesValidator : AbstractValidator<ListSubordinates>
{
    public ListSubordinatesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => Cursor.Decode(c) is not null);
    }
}

public sealed class ListSubordinatesHandler(IEmployeeDirectory directory, EmployeeAccess access, TimeProvider clock)
    : IQueryHandler<ListSubordinates, Page<EmployeeListItem>>
{
    public async ValueTask<Page<EmployeeListItem>> Handle(ListSubordinates query, CancellationToken ct)
    {
        var superior = await directory.Addressed(query.Nip, ct);
        await access.EnsureCanRead(superior, ct);
        var on = query.On ?? clock.Today();
        var after = query.Cursor is { } c ? Cursor.Decode(c) : null;
        var limit = query.Limit ?? Paging.DefaultLimit;
        // Those who ever reported to the superior are read by NIP a page at a time and the date is applied here (a supervisor history
        // is not a column); most of them report to the superior still, so one read of a page usually fills it.
        var rows = new List<EmployeeProfile>();
        var from = after;
        while (rows.Count <= limit)
        {
            var read = await directory.EverReportingTo(superior.Id, from, limit + 1, ct);
            rows.AddRange(read.Where(p => p.SupervisorOn(on)?.SupervisorId == superior.Id && Raters.EmployedOn(p, on)));
            if (read.Count <= limit)
            {
                break;
            }

            from = read[^1].Nip;
        }

        rows = [.. rows.Take(limit + 1)];
        var items = rows.Take(limit).Select(p => p.PlacementOn(on) is { } placed
            ? new EmployeeListItem(p.Nip, p.FullName, p.EmploymentType, placed.UnitCode, placed.Position.Title, p.EndedOn)
            : new EmployeeListItem(p.Nip, p.FullName, p.EmploymentType, p.LatestUnitCode, p.LatestPositionTitle, p.EndedOn)).ToList();
        return new Page<EmployeeListItem>(items, rows.Count > limit ? Cursor.Encode(items[^1].Nip) : null);
    }
}
