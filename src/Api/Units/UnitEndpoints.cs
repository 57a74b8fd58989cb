using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Units.AssigningHead;
using Kinerja.Application.Units.GettingUnits;
using Kinerja.Application.Units.RegisteringUnit;
using Kinerja.Application.Common;
using Kinerja.Application.Units.RenamingUnit;
using Mediator;

namespace Kinerja.Api.Units;

public sealed record RenameUnitRequest(string Name);

public sealed record AssignUnitHeadRequest(string? HeadNip, DateOnly? EffectiveOn);

public sealed record UnitTreeResponse(IReadOnlyList<UnitNode> Items);

public sealed record UnitRoute(string Code);

public static class UnitEndpoints
{
    private static GetUnit Unit(UnitRoute at, Written written) => new(written.Key);


    public static void MapUnits(this RouteGroupBuilder api)
    {
        var units = api.MapGroup(Routes.Units.Group).WithTags("Units (OPD)");

        units.MapPost("/", CommandRoutes.Creation<RegisterUnit, UnitNode>(written => new GetUnit(written.Key), written => Routes.Units.One(written.Key)).Handle)
            .RequireAuthorization(AuthSetup.RegistryWriters)
            .WithSummary("Register a unit kerja (OPD or sub-unit), optionally under a parent unit.");

        units.MapGet("/", async (IMediator mediator, CancellationToken ct) => new UnitTreeResponse(await mediator.Send(new GetUnitTree(), ct)))
            .WithSummary("The unit tree: roots and children ordered by code.");

        units.MapGet("/{code}", CommandRoutes.Read((UnitRoute at) => new GetUnit(at.Code)).Handle)
            .WithSummary("One unit with its sub-units; ETag is the unit's stream version.");

        units.MapPost("/{code}/renaming", CommandRoutes.Command((UnitRoute at, RenameUnitRequest body) => new RenameUnit(at.Code, body.Name), Unit).Handle)
            .RequireAuthorization(AuthSetup.RegistryWriters)
            .WithSummary("Rename a unit. Accepts If-Match.");

        units.MapPost("/{code}/head-assignments", CommandRoutes.Command((UnitRoute at, AssignUnitHeadRequest body) => new AssignUnitHead(at.Code, body.HeadNip, body.EffectiveOn), Unit).Handle)
            .RequireAuthorization(AuthSetup.RegistryWriters)
            .WithSummary("Record who heads the unit from a date (null headNip: vacant); the same head from the same date again appends nothing. "
                + "When the head's evaluation becomes final, the unit's result for the cycle follows from their results rating. Accepts If-Match.");
    }
}
