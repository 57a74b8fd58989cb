using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Application.Units;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.ListingGrants;

/// <summary>
/// Grants in the order they were requested (oldest first), filtered by unit, employee, status and
/// year. Whoever does not read everything lists only the grants of one employee they may read.
/// The cursor is the last grant id of the previous page.
/// </summary>
public sealed record ListTrainingGrants(string? Unit, string? Employee, GrantStatus? Status, int? Year, int? Limit, string? Cursor)
    : IQuery<Page<TrainingGrantView>>;

public sealed class ListTrainingGrantsValidator : AbstractValidator<ListTrainingGrants>
{
    public ListTrainingGrantsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Year!.Value).BudgetYear().When(q => q.Year is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => Guid.TryParseExact(c, "N", out _));
    }
}

public sealed class ListTrainingGrantsHandler(
    ITrainingDirectory training, IEmployeeDirectory directory, TrainingAccess access, ICurrentActor current, IUnitDirectory units)
    : IQueryHandler<ListTrainingGrants, Page<TrainingGrantView>>
{
    public async ValueTask<Page<TrainingGrantView>> Handle(ListTrainingGrants query, CancellationToken ct)
    {
        Guid? employeeId = null;
        if (query.Employee is { } nip)
        {
            var profile = await directory.Addressed(nip, ct);
            await access.EnsureCanRead(profile, ct);
            employeeId = profile.Id;
        }
        else if (!Roles.ReadsEverything(current.Actor.Role))
        {
            throw new AccessDenied("List the grants of one employee (employee=NIP) you may read; only hr-admin, the portal and auditors list all.");
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var after = query.Cursor is { } c ? Guid.ParseExact(c, "N") : (Guid?)null;
        var rows = await training.Grants(new GrantFilter(query.Unit?.ToUpperInvariant(), employeeId, query.Status, query.Year, after, limit + 1), ct);
        await units.EnsureFilterKnown(query.Unit, rows.Count == 0, ct);
        var items = await TrainingGrantView.Of([.. rows.Take(limit)], directory, ct);
        return new Page<TrainingGrantView>(items, rows.Count > limit ? items[^1].Id.ToString("N") : null);
    }
}
