using System.Text;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.ListingEmployees;

public sealed record EmployeeListItem(string Nip, string FullName, EmploymentType EmploymentType, string UnitCode, string PositionTitle, DateOnly? EndedOn);

/// <summary>How a list of employees is ordered: by NIP (the default) or by name, then NIP.</summary>
public enum EmployeeOrder { Nip, Name }

/// <summary>
/// Employees ordered by NIP (or by name), paged by cursor; filtered by the unit of their latest placement (with its sub-units when
/// <paramref name="IncludeSubUnits"/>) and by <paramref name="Q"/>: a name or position title containing it, any case, or a NIP
/// starting with it. hr-admin, portal and auditor see everyone; a unit's head and its opd-admin the units in their reach
/// (<see cref="UnitScope"/>); a supervisor otherwise those who report to them.
/// </summary>
public sealed record ListEmployees(string? Unit, int? Limit, string? Cursor, bool? IncludeSubUnits = null, string? Q = null, EmployeeOrder? Order = null)
    : IQuery<Page<EmployeeListItem>>;

public sealed class ListEmployeesValidator : AbstractValidator<ListEmployees>
{
    public ListEmployeesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Q!).NotEmpty().MaximumLength(100).When(q => q.Q is not null);
        RuleFor(q => q.Order).IsInEnum();
        RuleFor(q => q.Cursor).Must((q, c) => c is null || (q.Order == EmployeeOrder.Name ? NameCursor.Decode(c) is not null : Cursor.Decode(c) is not null))
            .WithMessage(new Wording("bukan kursor yang diterbitkan API ini untuk urutan ini", "is not a cursor this API issued for this order"));
    }
}

public sealed class ListEmployeesHandler(IEmployeeDirectory directory, EmployeeAccess access, ICurrentActor current, IUnitDirectory units, UnitScope scope)
    : IQueryHandler<ListEmployees, Page<EmployeeListItem>>
{
    public async ValueTask<Page<EmployeeListItem>> Handle(ListEmployees query, CancellationToken ct)
    {
        var unit = query.Unit?.ToUpperInvariant();
        Guid? supervisor = null;
        IReadOnlyCollection<string>? reach = null;
        if (!Roles.ReadsEverything(current.Actor.Role) && !(unit is not null && await scope.Covers(unit, ct)))
        {
            if (current.Actor.Role == Roles.OpdAdmin && unit is null)
            {
                reach = [.. await scope.Reach(ct) ?? new HashSet<string>()];
            }
            else
            {
                supervisor = await access.SupervisorId(ct) ?? throw new AccessDenied(
                    "Only hr-admin, portal, auditor, supervisors (their subordinates), and a unit's head or opd-admin (its units) may list employees.");
            }
        }

        var codes = query.IncludeSubUnits == true && unit is not null ? Cycles.CycleScopes.Closure(await units.All(ct), [unit]) : null;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var byName = query.Order == EmployeeOrder.Name;
        string? afterNip = null, afterName = null;
        if (query.Cursor is { } c)
        {
            (afterNip, afterName) = byName ? NameCursor.Decode(c)!.Value : (Cursor.Decode(c), null);
        }

        var filter = new EmployeeFilter(codes is null ? unit : null, supervisor, afterNip, limit + 1, codes ?? reach, query.Q?.Trim(), byName, afterName);
        var rows = await directory.List(filter, ct);
        await units.EnsureFilterKnown(query.Unit, rows.Count == 0, ct);
        var items = rows.Take(limit)
            .Select(p =>
            {
                var placement = Effective.On(p.Placements, x => x.EffectiveFrom, DateOnly.MaxValue)!;
                return new EmployeeListItem(p.Nip, p.FullName, p.EmploymentType, placement.UnitCode, placement.Position.Title, p.EndedOn);
            })
            .ToList();
        var next = rows.Count > limit ? (byName ? NameCursor.Encode(items[^1].Nip, items[^1].FullName) : Cursor.Encode(items[^1].Nip)) : null;
        return new Page<EmployeeListItem>(items, next);
    }
}

/// <summary>The keyset of the list by name: the last row's NIP and name (a NIP holds no '|').</summary>
public static class NameCursor
{
    private const string List = "employees-by-name";

    public static string Encode(string nip, string name) => KeysetCursor.Encode(List, $"{nip}|{name}");

    public static (string Nip, string Name)? Decode(string cursor) =>
        KeysetCursor.Decode(List, cursor, k => k.IndexOf('|', StringComparison.Ordinal) > 0) is { } key
            ? (key[..key.IndexOf('|', StringComparison.Ordinal)], key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..])
            : null;
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
