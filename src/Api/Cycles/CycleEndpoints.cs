using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.BeginningEvaluation;
using Kinerja.Application.Cycles.ClosingCycle;
using Kinerja.Application.Cycles.CreatingCycle;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Application.Cycles.StartingCycle;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Api.Cycles;

public sealed record CycleRoute(Guid Id);

public static class CycleEndpoints
{

    public static void MapCycles(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup(Routes.Cycles.Group).WithTags("Appraisal cycles");

        cycles.MapPost("/", CommandRoutes.Creation<CreateCycle, CycleDetails>(written => new GetCycle(written.Id), written => Routes.Cycles.One(written.Id)).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Create an appraisal cycle (hr-admin): period (WIT dates), kind, scope and public feedback window. It starts in Planning.");

        cycles.MapGet("/", async (CyclePhase? phase, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListCycles(phase, limit, cursor), ct))
            .WithSummary("Cycles, newest period first (then newest created), paged by cursor; filter by phase.")
            .ProducesProblem(400);

        cycles.MapGet("/{id:guid}", CommandRoutes.Read((CycleRoute at) => new GetCycle(at.Id)).Handle)
            .WithSummary("A cycle with its phase history; ETag is the stream version.");

        cycles.MapPhaseChange("/{id:guid}/start", "Planning → InProgress. Schedules the move into evaluation at the end of the period.", at => new StartCycle(at.Id));
        cycles.MapPhaseChange("/{id:guid}/evaluation", "InProgress → Evaluation by hand; the scheduler does it on its own when the period ends.", at => new BeginEvaluation(at.Id));
        cycles.MapPhaseChange("/{id:guid}/closure", "Evaluation → Closed; afterwards nothing is written to the cycle's appraisals.", at => new CloseCycle(at.Id));
    }

    private static void MapPhaseChange(this RouteGroupBuilder group, string pattern, string summary, Func<CycleRoute, ICommand<Written>> command) =>
        group.MapPost(pattern, CommandRoutes.Command(command, (at, _) => new GetCycle(at.Id)).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary(summary + " hr-admin only; accepts If-Match; repeating a change that happened changes nothing.");
}
