using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.FollowUps;
using Mediator;

using Kinerja.Domain;

namespace Kinerja.Application.FollowUps.GettingFollowUps;

public sealed record AwardView(
    Guid CycleId, string UnitCode, AwardKind Kind, string Citation, DateOnly GrantedOn, Predikat Predikat, decimal? Score, int RankInUnit,
    string? OverrideReason, Actor RecordedBy, DateTimeOffset RecordedAt);

public sealed record SupportPlanView(
    Guid CycleId, string UnitCode, Predikat Predikat, IReadOnlyList<SupportKind> Kinds, IReadOnlyList<string> Actions, string ResponsibleNip, DateOnly ReviewOn,
    Actor RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Tindak lanjut of one employee: awards by grant date, and the current support plan of each cycle.</summary>
public sealed record EmployeeFollowUps(string Nip, IReadOnlyList<AwardView> Awards, IReadOnlyList<SupportPlanView> SupportPlans);

public sealed record GetFollowUps(string Nip) : IQuery<Versioned<EmployeeFollowUps>>;

/// <summary>Read by hr-admin, auditors, the portal, the employee and their current supervisor.</summary>
public sealed class GetFollowUpsHandler(IEmployeeDirectory employees, EmployeeAccess access, IEventStore store) : IQueryHandler<GetFollowUps, Versioned<EmployeeFollowUps>>
{
    public async ValueTask<Versioned<EmployeeFollowUps>> Handle(GetFollowUps query, CancellationToken ct)
    {
        var profile = await employees.Addressed(query.Nip, ct);
        await access.EnsureCanRead(profile, ct);
        var id = FollowUp.IdFor(profile.Id);
        var state = await store.Load<FollowUp>(id, ct);
        var awards = (state?.Awards ?? []).OrderBy(a => a.GrantedOn).ThenBy(a => a.RecordedAt).Select(a => new AwardView(
            a.CycleId, a.UnitCode, a.Kind, a.Citation, a.GrantedOn, a.Predikat, a.Score, a.RankInUnit, a.OverrideReason, a.By, a.RecordedAt));
        var plans = (state?.SupportPlans ?? []).OrderBy(p => p.RecordedAt).Select(p => new SupportPlanView(
            p.CycleId, p.UnitCode, p.Predikat, p.Kinds, p.Actions, p.ResponsibleNip, p.ReviewOn, p.By, p.RecordedAt));
        return new Versioned<EmployeeFollowUps>(new EmployeeFollowUps(profile.Nip, [.. awards], [.. plans]), await store.Version(id, ct) ?? 0);
    }
}
