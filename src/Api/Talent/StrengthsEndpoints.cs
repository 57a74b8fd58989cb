using Kinerja.Application.Talent.GettingStrengthsAndWeaknesses;
using Mediator;

namespace Kinerja.Api.Talent;

public static class StrengthsEndpoints
{
    public static void MapStrengthsAndWeaknesses(this RouteGroupBuilder api) =>
        api.MapGet("/employees/{nip}/strengths-weaknesses", async (string nip, Guid? cycle, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetStrengthsAndWeaknesses(nip, cycle), ct))
            .WithTags("Talent")
            .WithSummary("Strengths and weaknesses in a cycle (default: the latest the employee was appraised in): per BerAKHLAK value from feedback "
                + "by source, per SKP aspect from realisation against target, and competencies against the current position's standard. "
                + "Each claim carries its evidence and the unit comparison; the answer names the rule version and shows the trend over cycles. "
                + "Read by hr-admin, auditors, the portal, the employee and their current supervisor.")
            .Produces<StrengthsAndWeaknessesView>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
}
