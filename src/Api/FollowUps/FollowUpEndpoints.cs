using Kinerja.Api.Employees;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.FollowUps.CompletingSupportPlan;
using Kinerja.Application.FollowUps.GettingFollowUps;
using Kinerja.Application.FollowUps.GrantingAward;
using Kinerja.Application.FollowUps.RecordingSupportPlan;
using Kinerja.Domain.FollowUps;
using Mediator;

namespace Kinerja.Api.FollowUps;

public sealed record GrantAwardRequest(Guid CycleId, AwardKind? Kind, string Citation, DateOnly? GrantedOn, string? OverrideReason);

public sealed record RecordSupportPlanRequest(Guid CycleId, IReadOnlyList<SupportKind>? Kinds, IReadOnlyList<string>? Actions, string ResponsibleNip, DateOnly? ReviewOn);

public sealed record CompleteSupportPlanRequest(SupportOutcome? Outcome, string Notes, DateOnly? CompletedOn);

/// <summary>An employee's support plan of one cycle, as a route addresses it.</summary>
public sealed record SupportPlanRoute(string Nip, Guid CycleId);

/// <summary>Tindak lanjut on the employee: awards and support plans (hr-admin), answered with the employee's follow-ups and their ETag.</summary>
public static class FollowUpEndpoints
{
    public static void MapFollowUps(this RouteGroupBuilder api)
    {
        var employee = api.MapGroup("/employees/{nip}").WithTags("Follow-ups (tindak lanjut)");

        employee.MapGet("/follow-ups", CommandRoutes.Read((EmployeeRoute at) => new GetFollowUps(at.Nip)).Handle)
            .WithSummary("Awards and support plans of the employee (hr-admin, auditor, portal, the employee, their current supervisor); ETag is the follow-up stream's version.");

        employee.MapPost("/awards", CommandRoutes.Command((EmployeeRoute at, GrantAwardRequest body) =>
                new GrantAward(at.Nip, body.CycleId, body.Kind, body.Citation, body.GrantedOn, body.OverrideReason), FollowUps).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Record a penghargaan (hr-admin) for an award candidate of the cycle; another final Sangat Baik only with an override reason. "
                + "One award of a kind per cycle; the same award again appends nothing. Allowed until Kinerja:FollowUps:DaysAfterClosing (default 90) "
                + "after the cycle closed, then 409 follow-up-window-closed. Accepts If-Match.");

        employee.MapPost("/support-plans", CommandRoutes.Command((EmployeeRoute at, RecordSupportPlanRequest body) =>
                new RecordSupportPlan(at.Nip, body.CycleId, body.Kinds, body.Actions, body.ResponsibleNip, body.ReviewOn), FollowUps).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Record or revise the support plan (coaching, counselling, training) of an employee whose final predikat is below Baik (hr-admin); "
                + "the same plan again appends nothing. Allowed until Kinerja:FollowUps:DaysAfterClosing (default 90) after the cycle closed, "
                + "then 409 follow-up-window-closed; a completed plan is not revised. Accepts If-Match.");

        employee.MapPost("/support-plans/{cycleId:guid}/completion", CommandRoutes.Command((SupportPlanRoute at, CompleteSupportPlanRequest body) =>
                new CompleteSupportPlan(at.Nip, at.CycleId, body.Outcome, body.Notes, body.CompletedOn), FollowUpsOfPlan).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Record that the cycle's support plan was carried out, with its outcome (Improved, PartlyImproved, NotImproved) and notes (hr-admin). "
                + "Once per plan; the same completion again appends nothing; not bound to the window after closing. Accepts If-Match.");
    }

    private static GetFollowUps FollowUps(EmployeeRoute at, Written written) => new(written.Key);

    private static GetFollowUps FollowUpsOfPlan(SupportPlanRoute at, Written written) => new(written.Key);
}
