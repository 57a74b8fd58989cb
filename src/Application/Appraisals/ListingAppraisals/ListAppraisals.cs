using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Units;
using Mediator;

namespace Kinerja.Application.Appraisals.ListingAppraisals;

public sealed record AppraisalListItem(string Nip, string? FullName, string UnitCode, string RaterNip, AppraisalStatus Status, int? AgreedVersion);

/// <summary>
/// A cycle's appraisals ordered by the NIP they were opened with; filter by the unit they were opened
/// in and by status. A supervisor sees the appraisals they rate.
/// </summary>
public sealed record ListAppraisals(Guid CycleId, string? Unit, AppraisalStatus? Status, int? Limit, string? Cursor) : IQuery<Page<AppraisalListItem>>;

public sealed class ListAppraisalsValidator : AbstractValidator<ListAppraisals>
{
    public ListAppraisalsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Cursor).IssuedCursor(c => Cursor.Decode(c) is not null);
    }
}

public sealed class ListAppraisalsHandler(
    IAppraisalDirectory appraisals, CycleStreams cycles, AppraisalAccess access, ICurrentActor current, IUnitDirectory units)
    : IQueryHandler<ListAppraisals, Page<AppraisalListItem>>
{
    public async ValueTask<Page<AppraisalListItem>> Handle(ListAppraisals query, CancellationToken ct)
    {
        await cycles.Load(query.CycleId, ct);
        Guid? rater = null;
        if (!Roles.ReadsEverything(current.Actor.Role))
        {
            rater = current.Actor.Role == Roles.Supervisor ? await access.CallerId(ct) : null;
            _ = rater ?? throw new AccessDenied("Only hr-admin, portal, auditor and raters may list appraisals.");
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var filter = new AppraisalFilter(query.CycleId, query.Unit?.ToUpperInvariant(), query.Status, rater,
            query.Cursor is { } c ? Cursor.Decode(c) : null, limit + 1);
        var rows = await appraisals.ListRows(filter, ct);
        await units.EnsureFilterKnown(query.Unit, rows.Count == 0, ct);
        var page = rows.Take(limit).ToList();
        var items = page.Select(r => new AppraisalListItem(r.Nip ?? r.OpenedNip, r.FullName, r.UnitCode, r.RaterNip, r.Status, r.AgreedVersion));
        return new Page<AppraisalListItem>([.. items], rows.Count > limit ? Cursor.Encode(page[^1].OpenedNip) : null);
    }
}
