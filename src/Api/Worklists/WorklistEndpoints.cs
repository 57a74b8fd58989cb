using Kinerja.Api.Auth;
using Kinerja.Application.Appraisals.GettingWorklist;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingProgress;
using Mediator;

namespace Kinerja.Api.Worklists;

/// <summary>What waits for whom: an ASN's own tasks, and a cycle's progress per unit for hr-admin and the units' heads.</summary>
public static class WorklistEndpoints
{
    public static void MapWorklists(this RouteGroupBuilder api)
    {
        api.MapGet("/worklist", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetWorklist(limit, cursor), ct))
            .WithTags("Worklists")
            .WithSummary("The caller's tasks as the rater chain stands today (WIT): their own plan to draft or resubmit; plans awaiting their agreement, "
                + "evaluations to give and to approve, as the superior by the registry or as the Plt/Plh recorded for that superior (actingFor); "
                + "support plans naming them responsible, not completed. Closed cycles are left out. Ordered by kind, cycle, then NIP; paged by cursor; "
                + "counts per kind over the whole list. For employee and supervisor tokens with a NIP.")
            .Produces<Worklist>().ProducesProblem(400).ProducesProblem(403);

        api.MapGet("/cycles/{id:guid}/progress", async (Guid id, string? unit, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetCycleProgress(id, unit, limit, cursor), ct))
            .RequireAuthorization(AuthSetup.UnitReaders)
            .ScopedToUnit("unit")
            .WithTags("Worklists")
            .WithSummary("How far the cycle's appraisals are, per unit: counts per step (opened, draft, planSubmitted, planReturned, agreed, evaluated, "
                + "evaluationReturned, approved, excused), each appraisal once at its furthest step, for the unit's own appraisals and with its sub-units. "
                + "Without `unit` (hr-admin, auditors): every unit with appraisals in or below it; with `unit`: that unit and its sub-units, also for "
                + "its head (or their Plt/Plh) and its opd-admin. Ordered by unit code, paged by cursor; total sums the selection.")
            .Produces<CycleProgress>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }
}
