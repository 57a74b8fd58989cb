using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Training.ApprovingGrant;
using Kinerja.Application.Training.CancellingGrant;
using Kinerja.Application.Training.CompletingGrant;
using Kinerja.Application.Training.GettingGrant;
using Kinerja.Application.Training.ListingGrants;
using Kinerja.Application.Training.RejectingGrant;
using Kinerja.Application.Training.RequestingGrant;
using Kinerja.Application.Training.SchedulingGrant;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Api.Training;

public sealed record ApproveTrainingGrantRequest(string? Note);

public sealed record RejectTrainingGrantRequest(string Reason);

public sealed record ScheduleTrainingGrantRequest(DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record CompleteTrainingGrantRequest(
    DateOnly? CompletedOn, int? AttendedJp, long? ActualCost, string? CertificateReference, CompetencyLevel? NewCompetencyLevel);

public sealed record CancelTrainingGrantRequest(string Reason);

public sealed record GrantRoute(Guid Id);

public static class TrainingGrantEndpoints
{

    public static void MapTrainingGrants(this RouteGroupBuilder api)
    {
        var grants = api.MapGroup(Routes.TrainingGrants.Group).WithTags("Training grants");

        grants.MapPost("/", CommandRoutes.Creation<RequestTrainingGrant, TrainingGrantView>(written => new GetTrainingGrant(written.Id), written => Routes.TrainingGrants.One(written.Id)).Handle)
            .WithSummary("Request training for an employee: by the employee, their current supervisor, hr-admin or the portal. Cost in whole rupiah.");

        grants.MapGet("/", async (string? unit, string? employee, GrantStatus? status, int? year, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListTrainingGrants(unit, employee, status, year, limit, cursor), ct))
            .WithSummary("Grants in the order they were requested (oldest first), paged by cursor; filter by unit, employee (NIP), status and year. "
                + "Roles that do not read everything must filter by an employee they may read.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        grants.MapGet("/{id:guid}", CommandRoutes.Read((GrantRoute at) => new GetTrainingGrant(at.Id)).Handle)
            .WithSummary("One training grant with its history; ETag is the grant's stream version.");

        grants.MapPost("/{id:guid}/approval", CommandRoutes.CommandOptionalBody((GrantRoute at, ApproveTrainingGrantRequest? body) => new ApproveTrainingGrant(at.Id, body?.Note), Grant, GrantLocation).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Approve a request: plans its JP (a PPPK beyond 24 JP over the contract is refused) and reserves a unit-funded cost on the unit's "
                + "budget for the grant's year (beyond what remains is refused with `remaining`). The body is optional.");
        grants.MapPost("/{id:guid}/rejection", CommandRoutes.Command((GrantRoute at, RejectTrainingGrantRequest body) => new RejectTrainingGrant(at.Id, body.Reason), Grant, GrantLocation).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Reject a request, with a reason.");
        grants.MapPost("/{id:guid}/schedule", CommandRoutes.Command((GrantRoute at, ScheduleTrainingGrantRequest body) => new ScheduleTrainingGrant(at.Id, body.StartsOn, body.EndsOn), Grant, GrantLocation).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Set (or change) the dates of an approved grant; it must start in the grant's year.");
        grants.MapPost("/{id:guid}/completion", CommandRoutes.Command((GrantRoute at, CompleteTrainingGrantRequest body) => new CompleteTrainingGrant(
                at.Id, body.CompletedOn, body.AttendedJp, body.ActualCost, body.CertificateReference, body.NewCompetencyLevel), Grant, GrantLocation).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Report a scheduled grant done: JP attended, certificate, actual cost (default: planned) and an optional new competency level.");
        grants.MapPost("/{id:guid}/cancellation", CommandRoutes.Command((GrantRoute at, CancelTrainingGrantRequest body) => new CancelTrainingGrant(at.Id, body.Reason), Grant, GrantLocation).Handle)
            .WithSummary("Cancel a grant before completion, releasing its reservation and planned JP. "
                + "The employee or their supervisor may withdraw a request; after approval only hr-admin or the portal may cancel.");
    }

    private static GetTrainingGrant Grant(GrantRoute at, Written written) => new(written.Id);

    private static string GrantLocation(GrantRoute at, Written written) => Routes.TrainingGrants.One(written.Id);
}
