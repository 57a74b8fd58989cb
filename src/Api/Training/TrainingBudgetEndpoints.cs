using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Api.Http;
using Kinerja.Application.Training.AdjustingBudget;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.SettingBudget;
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
    }
}
