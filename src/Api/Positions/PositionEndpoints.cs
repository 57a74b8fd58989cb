using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
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

public static class PositionEndpoints
{
    public static string Location(string code) => $"{ApiPipeline.ApiBase}/positions/{code}";

    public static void MapPositions(this RouteGroupBuilder api)
    {
        var positions = api.MapGroup("/positions").WithTags("Positions (jabatan) and placement");

        positions.MapPost("/", async (RegisterPosition command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command, ct);
                return http.Created(Location(written.Key), await mediator.Send(new GetPosition(written.Key), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Register a position (jabatan) in a unit: kind, level, required competencies (code, minimum level 1-5) and vacant seats.")
            .Produces<PositionRecord>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        positions.MapGet("/", async (string? unit, bool? vacant, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListPositions(unit, vacant, limit, cursor), ct))
            .WithSummary("Positions ordered by code, paged by cursor; filter by unit and by having a vacant seat.")
            .ProducesProblem(400);

        positions.MapGet("/{code}", async (string code, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetPosition(code), ct)))
            .WithSummary("One position; ETag is its stream version.")
            .ProducesProblem(404);

        positions.MapGet("/{code}/candidates", async (string code, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListCandidates(code, limit, cursor), ct))
            .WithSummary("Candidates for a vacant position (hr-admin, portal, auditor): assessed active employees by share of requirements met, " +
                "total shortfall, latest final predikat, 9-box (higher first), then NIP; each with the requirements met, the gaps and the reasons. " +
                "Read from the talent profiles, which follow the events within moments.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        positions.MapAction("/{code}/requirements", "Replace the required competencies (code, minimum level 1-5).",
            (string code, ChangeRequirementsRequest body, long? version) => new ChangePositionRequirements(code, body.Requirements, version));
        positions.MapAction("/{code}/vacancies", "Set the number of vacant seats: raised when a seat opens, lowered when one is filled.",
            (string code, ChangeVacanciesRequest body, long? version) => new ChangeVacancies(code, body.Vacancies, version));
        positions.MapPost("/{code}/retirement", async (string code, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new RetirePosition(code, Versions.IfMatch(http.Request)), ct);
                return http.WithETag(await mediator.Send(new GetPosition(written.Key), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Retire the position (give the reason in X-Reason); afterwards it takes no changes and no candidates. Accepts If-Match.")
            .Produces<PositionRecord>()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(412);
    }

    /// <summary>A domain action on a position: POST to a sub-resource, If-Match honoured, the updated position and its ETag returned.</summary>
    private static void MapAction<TRequest>(this RouteGroupBuilder group, string pattern, string summary, Func<string, TRequest, long?, ICommand<Written>> command)
        where TRequest : notnull =>
        group.MapPost(pattern, async (string code, TRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command(code, body, Versions.IfMatch(http.Request)), ct);
                return http.WithETag(await mediator.Send(new GetPosition(written.Key), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary(summary + " Accepts If-Match; repeating a change that happened changes nothing.")
            .Produces<PositionRecord>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
}
