using Kinerja.Application.Talent.GettingTalentGrid;
using Kinerja.Application.Talent.RecommendingPlacements;
using Mediator;

namespace Kinerja.Api.Talent;

public static class TalentEndpoints
{
    public static void MapTalent(this RouteGroupBuilder api)
    {
        api.MapGet("/cycles/{id:guid}/talent-grid", async (Guid id, string? unit, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetTalentGrid(id, unit), ct))
            .WithTags("Positions (jabatan) and placement")
            .WithSummary("The talent 9-box of a cycle (PermenPANRB 3/2020), optionally for the unit the appraisals were opened in: kinerja from the " +
                "final results rating, potensial from the latest competency assessment; each box with its recommendations; employees without an " +
                "assessment listed apart; counts per box. hr-admin, portal, auditor; a supervisor for their own unit.")
            .Produces<TalentGrid>()
            .ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/employees/{nip}/placement-recommendations", async (string nip, int? limit, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new RecommendPlacements(nip, limit), ct))
            .WithTags("Positions (jabatan) and placement")
            .WithSummary("The vacant positions that fit the employee (at least half of the requirements met), best fit first, with the " +
                "requirements met, the gaps and the reasons. hr-admin, portal, auditor and the employee themself.")
            .Produces<PlacementRecommendations>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }
}
