using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Positions;
using Kinerja.Application.Positions.ChangingRequirements;
using Kinerja.Application.Positions.ChangingVacancies;
using Kinerja.Application.Positions.GettingPosition;
using Kinerja.Application.Positions.ListingPositions;
using Kinerja.Application.Positions.RegisteringPosition;
using Kinerja.Application.Positions.RetiringPosition;
using Kinerja.Application.Talent.ListingCandidates;
using Kinerja.Domain.Positions;
using Mediator;

namespace Kinerja.Api.Positions;

public sealed record ChangeRequirementsRequest(IReadOnlyList<RequiredCompetency> Requirements);

public sealed record ChangeVacanciesRequest(int? Vacancies);

public sealed record PositionRoute(string Code);

public static class PositionEndpoints
{

    public static void MapPositions(this RouteGroupBuilder api)
    {
        var positions = api.MapGroup(Routes.Positions.Group).WithTags("Positions (jabatan) and placement");

        positions.MapPost("/", CommandRoutes.Creation<RegisterPosition, PositionRecord>(written => new GetPosition(written.Key), written => Routes.Positions.One(written.Key)).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Register a position (jabatan) in a unit: kind, level, required competencies (code, minimum level 1-5) and vacant seats.");

        positions.MapGet("/", async (string? unit, bool? vacant, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListPositions(unit, vacant, limit, cursor), ct))
            .WithSummary("Positions ordered by code, paged by cursor; filter by unit and by having a vacant seat.")
            .ProducesProblem(400);

        positions.MapGet("/{code}", CommandRoutes.Read((PositionRoute at) => new GetPosition(at.Code)).Handle)
            .WithSummary("One position; ETag is its stream version.");

        positions.MapGet("/{code}/candidates", async (string code, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListCandidates(code, limit, cursor), ct))
            .WithSummary("Candidates for a vacant position (hr-admin, portal, auditor): assessed active employees by share of requirements met, " +
                "total shortfall, latest final predikat, 9-box (higher first), then NIP; each with the requirements met, the gaps and the reasons. " +
                "Read from the talent profiles, which follow the events within moments.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        positions.MapPost("/{code}/requirements", CommandRoutes.Command((PositionRoute at, ChangeRequirementsRequest body) => new ChangePositionRequirements(at.Code, body.Requirements), Position).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Replace the required competencies (code, minimum level 1-5). Accepts If-Match; repeating a change that happened changes nothing.");
        positions.MapPost("/{code}/vacancies", CommandRoutes.Command((PositionRoute at, ChangeVacanciesRequest body) => new ChangeVacancies(at.Code, body.Vacancies), Position).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Set the number of vacant seats: raised when a seat opens, lowered when one is filled. Accepts If-Match; repeating a change that happened changes nothing.");
        positions.MapPost("/{code}/retirement", CommandRoutes.Command((PositionRoute at) => new RetirePosition(at.Code), Position).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Retire the position (give the reason in X-Reason); afterwards it takes no changes and no candidates. Accepts If-Match.");
    }

    private static GetPosition Position(PositionRoute at, Written written) => new(written.Key);
}
