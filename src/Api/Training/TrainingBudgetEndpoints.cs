using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Training.AdjustingBudget;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Training.SettingBudget;
using Mediator;

namespace Kinerja.Api.Training;

public sealed record SetTrainingBudgetRequest(long? Allocated);

public sealed record AdjustTrainingBudgetRequest(long? Allocated, string Reason);

public sealed record BudgetRoute(string Code, int Year);

public static class TrainingBudgetEndpoints
{

    public static void MapTrainingBudgets(this RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/units/{code}/training-budgets").WithTags("Training budgets");

        budgets.MapPost("/{year:int}", CommandRoutes.Command((BudgetRoute at, SetTrainingBudgetRequest body) => new SetTrainingBudget(at.Code, at.Year, body.Allocated),
                (at, written) => new GetTrainingBudget(written.Key, at.Year), (at, written) => Routes.Units.TrainingBudget(written.Key, at.Year)).HandleCreation)
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("Set a unit's training budget for a year (whole rupiah), once: the same amount again changes nothing, another amount is a 409 (adjust instead).");

        budgets.MapPost("/{year:int}/adjustments", CommandRoutes.Command((BudgetRoute at, AdjustTrainingBudgetRequest body) => new AdjustTrainingBudget(at.Code, at.Year, body.Allocated, body.Reason),
                (at, written) => new GetTrainingBudget(written.Key, at.Year), (at, written) => Routes.Units.TrainingBudget(written.Key, at.Year)).Handle)
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("Change the allocation to a new total with a reason; never below what is reserved or spent. Accepts If-Match.");

        budgets.MapGet("/{year:int}", CommandRoutes.Read((BudgetRoute at) => new GetTrainingBudget(at.Code, at.Year)).Handle)
            .WithSummary("Allocated, reserved, spent and remaining rupiah, the partner-funded totals beside them, and the adjustments; ETag is the budget's stream version.");
    }
}
