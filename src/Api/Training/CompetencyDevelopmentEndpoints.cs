using Kinerja.Api.Auth;
using Kinerja.Application.Training.GettingJpLedger;
using Kinerja.Application.Training.GettingTrainingNeeds;
using Kinerja.Application.Training.ListingJpShortfalls;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Api.Training;

public static class CompetencyDevelopmentEndpoints
{
    public static void MapCompetencyDevelopment(this RouteGroupBuilder api)
    {
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
            .ScopedToUnit("code")
            .WithSummary("The unit's PNS below 20 completed JP in the year (default: this year), ordered by NIP, paged by cursor. Read by hr-admin, "
                + "the portal and auditors, the unit's head (or their Plt/Plh) and its opd-admin, sub-units included.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }
}
