using Kinerja.Api.Hosting;
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

public static class CycleEndpoints
{
    public static string Location(Guid id) => $"{ApiPipeline.ApiBase}/cycles/{id}";

    public static void MapCycles(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles").WithTags("Appraisal cycles");

        cycles.MapPost("/", async (CreateCycle command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command, ct);
                var read = await mediator.Send(new GetCycle(written.Id), ct);
                http.Response.Headers.ETag = Versions.ETag(read.Version);
                return TypedResults.Created(Location(written.Id), read.Value);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Create an appraisal cycle (hr-admin): period (WIT dates), kind, scope and public feedback window. It starts in Planning.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        cycles.MapGet("/", async (CyclePhase? phase, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListCycles(phase, limit, cursor), ct))
            .WithSummary("Cycles, newest period first (then newest created), paged by cursor; filter by phase.")
            .ProducesProblem(400);

        cycles.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetCycle(id), ct)))
            .WithSummary("A cycle with its phase history; ETag is the stream version.")
            .ProducesProblem(404);

        cycles.MapPhaseChange("/{id:guid}/start", "Planning → InProgress. Schedules the move into evaluation at the end of the period.",
            (id, version) => new StartCycle(id, version));
        cycles.MapPhaseChange("/{id:guid}/evaluation", "InProgress → Evaluation by hand; the scheduler does it on its own when the period ends.",
            (id, version) => new BeginEvaluation(id, version));
        cycles.MapPhaseChange("/{id:guid}/closure", "Evaluation → Closed; afterwards nothing is written to the cycle's appraisals.",
            (id, version) => new CloseCycle(id, version));
    }

    private static void MapPhaseChange(this RouteGroupBuilder group, string pattern, string summary, Func<Guid, long?, ICommand<Written>> command) =>
        group.MapPost(pattern, async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                await mediator.Send(command(id, Versions.IfMatch(http.Request)), ct);
                return http.WithETag(await mediator.Send(new GetCycle(id), ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary(summary + " hr-admin only; accepts If-Match; repeating a change that happened changes nothing.")
            .Produces<CycleDetails>()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
}
