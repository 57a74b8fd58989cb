using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
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

public static class TrainingGrantEndpoints
{
    public static string Location(Guid id) => $"{ApiPipeline.ApiBase}/training-grants/{id}";

    public static void MapTrainingGrants(this RouteGroupBuilder api)
    {
        var grants = api.MapGroup("/training-grants").WithTags("Training grants");

        grants.MapPost("/", async (RequestTrainingGrant command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command, ct);
                return http.Created(Location(written.Id), await mediator.Send(new GetTrainingGrant(written.Id), ct));
            })
            .WithSummary("Request training for an employee: by the employee, their current supervisor, hr-admin or the portal. Cost in whole rupiah.")
            .Produces<TrainingGrantView>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        grants.MapGet("/", async (string? unit, string? employee, GrantStatus? status, int? year, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListTrainingGrants(unit, employee, status, year, limit, cursor), ct))
            .WithSummary("Grants in the order they were requested (oldest first), paged by cursor; filter by unit, employee (NIP), status and year. "
                + "Roles that do not read everything must filter by an employee they may read.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        grants.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetTrainingGrant(id), ct)))
            .WithSummary("One training grant with its history; ETag is the grant's stream version.")
            .ProducesProblem(403).ProducesProblem(404);

        grants.MapPost("/{id:guid}/approval", async (Guid id, ApproveTrainingGrantRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Act(new ApproveTrainingGrant(id, body?.Note, Versions.IfMatch(http.Request)), mediator, http, ct))
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Approve a request: plans its JP (a PPPK beyond 24 JP over the contract is refused) and reserves a unit-funded cost on the unit's "
                + "budget for the grant's year (beyond what remains is refused with `remaining`). The body is optional.")
            .Produces<TrainingGrantView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        grants.MapAction("/{id:guid}/rejection", "Reject a request, with a reason.",
            (Guid id, RejectTrainingGrantRequest body, long? version) => new RejectTrainingGrant(id, body.Reason, version));
        grants.MapAction("/{id:guid}/schedule", "Set (or change) the dates of an approved grant; it must start in the grant's year.",
            (Guid id, ScheduleTrainingGrantRequest body, long? version) => new ScheduleTrainingGrant(id, body.StartsOn, body.EndsOn, version));
        grants.MapAction("/{id:guid}/completion", "Report a scheduled grant done: JP attended, certificate, actual cost (default: planned) and an optional new competency level.",
            (Guid id, CompleteTrainingGrantRequest body, long? version) => new CompleteTrainingGrant(
                id, body.CompletedOn, body.AttendedJp, body.ActualCost, body.CertificateReference, body.NewCompetencyLevel, version));
        grants.MapAction("/{id:guid}/cancellation", "Cancel a grant before completion, releasing its reservation and planned JP. "
                + "The employee or their supervisor may withdraw a request; after approval only hr-admin or the portal may cancel.",
            (Guid id, CancelTrainingGrantRequest body, long? version) => new CancelTrainingGrant(id, body.Reason, version), anyRequester: true);
    }

    private static void MapAction<TRequest>(
        this RouteGroupBuilder group, string pattern, string summary, Func<Guid, TRequest, long?, ICommand<Written>> command, bool anyRequester = false)
        where TRequest : notnull
    {
        var route = group.MapPost(pattern, async (Guid id, TRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Act(command(id, body, Versions.IfMatch(http.Request)), mediator, http, ct))
            .WithSummary(summary)
            .Produces<TrainingGrantView>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        if (!anyRequester)
        {
            route.RequireAuthorization(AuthSetup.Writers);
        }
    }

    /// <summary>A domain action on a grant: If-Match honoured, the updated grant and its ETag returned.</summary>
    private static async Task<IResult> Act(ICommand<Written> command, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var written = await mediator.Send(command, ct);
        http.Response.Headers.Location = Location(written.Id);
        return http.WithETag(await mediator.Send(new GetTrainingGrant(written.Id), ct));
    }
}
