using Kinerja.Application.Talent.GettingTalentGrid;
using Kinerja.Application.Talent.RecommendingPlacements;
using Mediator;

namespace Kinerja.Api.Talent;

public static class TalentEndpoints
{
    public static void MapTalent(this RouteGroupBuilder api)
    {
        api.MapGet("/cycles/{id:guid}/talent-grid", async (Guid id, string? unit, int? box, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetTalentGrid(id, unit, box, limit, cursor), ct))
            .WithTags("Positions (jabatan) and placement")
            .WithSummary("The talent 9-box of a cycle (PermenPANRB 3/2020), optionally for the unit the appraisals were opened in: kinerja from the " +
                "final predikat, potensial from the competency assessment in force at the period's end; counts per box (and of those not assessed) " +
                "for the whole cycle or unit on every page; the people a page at a time (limit, cursor): boxes 9 to 1, each by NIP, each with " +
                "the box's recommendations, then those without an assessment, listed apart; box= pages one box only. hr-admin, portal, auditor; " +
                "a supervisor for their own unit.")
            .Produces<TalentGrid>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/employees/{nip}/placement-recommendations", async (string nip, int? limit, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new RecommendPlacements(nip, limit), ct))
            .WithTags("Positions (jabatan) and placement")
            .WithSummary("The vacant positions that fit the employee (at least half of the requirements met), best fit first, with the " +
                "requirements met, the gaps and the reasons. hr-admin, portal, auditor and the employee themself.")
            .Produces<PlacementRecommendations>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }
}
