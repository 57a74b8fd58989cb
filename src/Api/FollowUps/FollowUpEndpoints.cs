using Kinerja.Api.Employees;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.FollowUps.GettingFollowUps;
using Kinerja.Application.FollowUps.GrantingAward;
using Kinerja.Application.FollowUps.RecordingSupportPlan;
using Kinerja.Domain.FollowUps;
using Mediator;

namespace Kinerja.Api.FollowUps;

public sealed record GrantAwardRequest(Guid CycleId, AwardKind? Kind, string Citation, DateOnly? GrantedOn, string? OverrideReason);

public sealed record RecordSupportPlanRequest(Guid CycleId, IReadOnlyList<SupportKind>? Kinds, IReadOnlyList<string>? Actions, string ResponsibleNip, DateOnly? ReviewOn);

/// <summary>Tindak lanjut on the employee: awards and support plans (hr-admin), answered with the employee's follow-ups and their ETag.</summary>
public static class FollowUpEndpoints
{
    public static void MapFollowUps(this RouteGroupBuilder api)
    {
        var employee = api.MapGroup("/employees/{nip}").WithTags("Follow-ups (tindak lanjut)");

        employee.MapRead("/follow-ups", (EmployeeRoute at) => new GetFollowUps(at.Nip))
            .WithSummary("Awards and support plans of the employee (hr-admin, auditor, portal, the employee, their current supervisor); ETag is the follow-up stream's version.");

        employee.MapCommand("/awards", (EmployeeRoute at, GrantAwardRequest body) =>
                new GrantAward(at.Nip, body.CycleId, body.Kind, body.Citation, body.GrantedOn, body.OverrideReason), FollowUps)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Record a penghargaan (hr-admin) for an award candidate of the cycle; another final Sangat Baik only with an override reason. "
                + "One award of a kind per cycle; the same award again appends nothing. Refused once the cycle is closed. Accepts If-Match.");

        employee.MapCommand("/support-plans", (EmployeeRoute at, RecordSupportPlanRequest body) =>
                new RecordSupportPlan(at.Nip, body.CycleId, body.Kinds, body.Actions, body.ResponsibleNip, body.ReviewOn), FollowUps)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Record or revise the support plan (coaching, counselling, training) of an employee whose final predikat is below Baik (hr-admin); "
                + "the same plan again appends nothing. Refused once the cycle is closed. Accepts If-Match.");
    }

    private static GetFollowUps FollowUps(EmployeeRoute at, Written written) => new(written.Key);
}
