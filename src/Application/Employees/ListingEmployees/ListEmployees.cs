using System.Text;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.ListingEmployees;

public sealed record EmployeeListItem(string Nip, string FullName, EmploymentType EmploymentType, string UnitCode, string PositionTitle, DateOnly? EndedOn);

/// <summary>Employees ordered by NIP. A supervisor sees only those who report to them.</summary>
public sealed record ListEmployees(string? Unit, int? Limit, string? Cursor) : IQuery<Page<EmployeeListItem>>;

public sealed class ListEmployeesValidator : AbstractValidator<ListEmployees>
{
    public ListEmployeesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.Decode(c) is not null).WithMessage("is not a cursor this API issued");
    }
}

public sealed class ListEmployeesHandler(IEmployeeDirectory directory, EmployeeAccess access, ICurrentActor current, IUnitDirectory units)
    : IQueryHandler<ListEmployees, Page<EmployeeListItem>>
{
    public async ValueTask<Page<EmployeeListItem>> Handle(ListEmployees query, CancellationToken ct)
    {
        Guid? supervisor = null;
        if (!Roles.ReadsEverything(current.Actor.Role))
        {
            supervisor = await access.SupervisorId(ct) ?? throw new AccessDenied("Only hr-admin, portal, auditor and supervisors may list employees.");
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var filter = new EmployeeFilter(query.Unit?.ToUpperInvariant(), supervisor, query.Cursor is { } c ? Cursor.Decode(c) : null, limit + 1);
        var rows = await directory.List(filter, ct);
        await units.EnsureFilterKnown(query.Unit, rows.Count == 0, ct);
        var items = rows.Take(limit)
            .Select(p =>
            {
                var placement = Effective.On(p.Placements, x => x.EffectiveFrom, DateOnly.MaxValue)!;
                return new EmployeeListItem(p.Nip, p.FullName, p.EmploymentType, placement.UnitCode, placement.Position.Title, p.EndedOn);
            })
            .ToList();
        return new Page<EmployeeListItem>(items, rows.Count > limit ? Cursor.Encode(items[^1].Nip) : null);
    }
}

/// <summary>Opaque keyset cursor: the last NIP of the previous page.</summary>
public static class Cursor
{
    public static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("nip:" + key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - cursor.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("nip:", StringComparison.Ordinal) && text.Length == 4 + Nip.Length ? text[4..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
