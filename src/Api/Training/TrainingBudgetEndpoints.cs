using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Api.Http;
using Kinerja.Application.Training.AdjustingBudget;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.GettingJpLedger;
using Kinerja.Application.Training.GettingTrainingNeeds;
using Kinerja.Application.Training.ListingJpShortfalls;
using Kinerja.Application.Training.SettingBudget;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Api.Training;

public sealed record SetTrainingBudgetRequest(long? Allocated);

public sealed record AdjustTrainingBudgetRequest(long? Allocated, string Reason);

public static class TrainingBudgetEndpoints
{
    public static string Location(string code, int year) => $"{ApiPipeline.ApiBase}/units/{code}/training-budgets/{year}";

    public static void MapTrainingBudgets(this RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/units/{code}/training-budgets").WithTags("Training budgets");

        budgets.MapPost("/{year:int}", async (string code, int year, SetTrainingBudgetRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new SetTrainingBudget(code, year, body.Allocated), ct);
                var read = await mediator.Send(new GetTrainingBudget(written.Key, year), ct);
                http.Response.Headers.ETag = Versions.ETag(read.Version);
                return TypedResults.Created(Location(written.Key, year), read.Value);
            })
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("Set a unit's training budget for a year (whole rupiah), once: the same amount again changes nothing, another amount is a 409 (adjust instead).")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        budgets.MapPost("/{year:int}/adjustments", async (string code, int year, AdjustTrainingBudgetRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new AdjustTrainingBudget(code, year, body.Allocated, body.Reason, Versions.IfMatch(http.Request)), ct);
                http.Response.Headers.Location = Location(written.Key, year);
                return http.WithETag(await mediator.Send(new GetTrainingBudget(written.Key, year), ct));
            })
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("Change the allocation to a new total with a reason; never below what is reserved or spent. Accepts If-Match.")
            .Produces<TrainingBudgetView>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        budgets.MapGet("/{year:int}", async (string code, int year, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetTrainingBudget(code, year), ct)))
            .WithSummary("Allocated, reserved, spent and remaining rupiah, the partner-funded totals beside them, and the adjustments; ETag is the budget's stream version.")
            .ProducesProblem(403).ProducesProblem(404);

        var development = api.MapGroup("/").WithTags("Competency development (JP)");
        development.MapGet("/employees/{nip}/jp-ledger", async (string nip, int? year, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetJpLedger(nip, year), ct))
            .WithSummary("JP completed, planned and missing against the entitlement: a PNS per year (at least 20), a PPPK over the contract (at most 24).")
            .ProducesProblem(403).ProducesProblem(404);
        development.MapGet("/employees/{nip}/training-needs", async (string nip, PositionKind? targetPositionKind, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetTrainingNeeds(nip, targetPositionKind), ct))
            .WithSummary("Competencies to develop, from the latest assessment (or a later training's attested level) against the versioned standard "
                + "of the current position kind and, when given, a target position kind; each need names its origin.")
            .ProducesProblem(403).ProducesProblem(404);
        development.MapGet("/units/{code}/jp-shortfalls", async (string code, int? year, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListJpShortfalls(code, year, limit, cursor), ct))
            .WithSummary("The unit's PNS below 20 completed JP in the year (default: this year), ordered by NIP, paged by cursor.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }
}
