using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Api.Http;
using Kinerja.Application.Units.AssigningHead;
using Kinerja.Application.Units.GettingUnits;
using Kinerja.Application.Units.RegisteringUnit;
using Kinerja.Application.Units.RenamingUnit;
using Mediator;

namespace Kinerja.Api.Units;

public sealed record RenameUnitRequest(string Name);

public sealed record AssignUnitHeadRequest(string? HeadNip, DateOnly? EffectiveOn);

public sealed record UnitTreeResponse(IReadOnlyList<UnitNode> Items);

public static class UnitEndpoints
{
    public static string Location(string code) => $"{ApiPipeline.ApiBase}/units/{code}";

    public static void MapUnits(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units (OPD)");

        units.MapPost("/", async (RegisterUnit command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command, ct);
                return http.Created(Location(written.Key), await mediator.Send(new GetUnit(written.Key), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Register a unit kerja (OPD or sub-unit), optionally under a parent unit.")
            .Produces<UnitNode>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(409);

        units.MapGet("/", async (IMediator mediator, CancellationToken ct) => new UnitTreeResponse(await mediator.Send(new GetUnitTree(), ct)))
            .WithSummary("The unit tree: roots and children ordered by code.");

        units.MapGet("/{code}", async (string code, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetUnit(code), ct)))
            .WithSummary("One unit with its sub-units; ETag is the unit's stream version.")
            .ProducesProblem(404);

        units.MapPost("/{code}/renaming", async (string code, RenameUnitRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                await mediator.Send(new RenameUnit(code, body.Name, Versions.IfMatch(http.Request)), ct);
                return http.WithETag(await mediator.Send(new GetUnit(code), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Rename a unit. Accepts If-Match.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(412);

        units.MapPost("/{code}/head-assignments", async (string code, AssignUnitHeadRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                await mediator.Send(new AssignUnitHead(code, body.HeadNip, body.EffectiveOn, Versions.IfMatch(http.Request)), ct);
                return http.WithETag(await mediator.Send(new GetUnit(code), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Record who heads the unit from a date (null headNip: vacant); the same head from the same date again appends nothing. "
                + "When the head's evaluation becomes final, the unit's result for the cycle follows from their results rating. Accepts If-Match.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
    }
}
