using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Evaluations.GettingDistribution;
using Kinerja.Application.Evaluations.JustifyingBreach;
using Kinerja.Application.Evaluations.ListingAwardCandidates;
using Kinerja.Application.Evaluations.ListingSupportNeeds;
using Kinerja.Application.Evaluations.RecordingUnitResult;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Api.Evaluations;

public sealed record UnitResultRequest(UnitResult? Result);

public sealed record BreachJustificationRequest(string Justification);

/// <summary>A unit in a cycle: its own result (hr-admin), its spread of final predikat against the guidance, and breach justifications.</summary>
/// <summary>A unit in a cycle, as a route addresses it.</summary>
public sealed record UnitCycleRoute(Guid CycleId, string Code);

public static class EvaluationEndpoints
{
    private const string UnitReaders = "Read by hr-admin and auditors, the unit's head (or their Plt/Plh) and its opd-admin; a unit above reaches its sub-units.";

    private static GetDistribution Distribution(UnitCycleRoute at, Written written) => new(at.CycleId, at.Code);

    public static void MapEvaluations(this RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles/{cycleId:guid}").WithTags("Evaluations");
        var units = cycles.MapGroup("/units/{code}");

        units.MapGet("/distribution", CommandRoutes.Read((UnitCycleRoute at) => new GetDistribution(at.CycleId, at.Code)).Handle)
            .RequireAuthorization(AuthSetup.UnitReaders).ScopedToUnit("code")
            .WithSummary("The unit's final predikat counted against the guidance (SE MenPANRB 03/2023) its own result sets: every breach, and whether the latest justification answers them. "
                + UnitReaders);

        units.MapGet("/support-needs", async (Guid cycleId, string code, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListSupportNeeds(cycleId, code), ct))
            .RequireAuthorization(AuthSetup.UnitReaders).ScopedToUnit("code")
            .WithSummary("Employees of the unit whose final predikat is Butuh Perbaikan, Kurang or Sangat Kurang: flagged as needing support (tindak lanjut), "
                + "each with name and where their support plan stands (None, Recorded with its review date, Completed). " + UnitReaders)
            .ProducesProblem(403).ProducesProblem(404);

        units.MapGet("/award-candidates", async (Guid cycleId, string code, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListUnitAwardCandidates(cycleId, code), ct))
            .RequireAuthorization(AuthSetup.UnitReaders).ScopedToUnit("code")
            .WithSummary("Award candidates of the unit: final Sangat Baik in the top of the unit's final appraisals by performance score "
                + "(Kinerja:Awards, default the best 20 % rounded down, at least one, ties at the boundary included), each with rank in unit and the score's components. "
                + UnitReaders)
            .ProducesProblem(403).ProducesProblem(404);

        cycles.MapGet("/award-candidates", async (Guid cycleId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListCycleAwardCandidates(cycleId, limit, cursor), ct))
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin, Roles.Auditor))
            .WithSummary("Award candidates of every unit of the cycle, ordered by unit code, rank in unit, then NIP; paged by cursor.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        cycles.MapGet("/support-needs", async (Guid cycleId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListCycleSupportNeeds(cycleId, limit, cursor), ct))
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin, Roles.Auditor))
            .WithSummary("Employees of every unit whose final predikat is Butuh Perbaikan, Kurang or Sangat Kurang, ordered by unit code, then NIP; paged by cursor.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        units.MapPost("/result", CommandRoutes.Command((UnitCycleRoute at, UnitResultRequest body) => new RecordUnitResult(at.CycleId, at.Code, body.Result), Distribution).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin, Roles.Supervisor))
            .WithSummary("Record the unit's own result for the cycle (capaian kinerja organisasi): the head of the next-higher unit, or hr-admin on their "
                + "behalf with X-Reason (409 reason-required without). It is the unit head's rating hasil kerja (PermenPANRB 6/2022); a result contradicting "
                + "the head's evaluation already submitted is refused (409 unit-head-evaluated). The same result again appends nothing. Accepts If-Match.");

        units.MapPost("/distribution/justification", CommandRoutes.Command((UnitCycleRoute at, BreachJustificationRequest body) => new JustifyBreach(at.CycleId, at.Code, body.Justification), Distribution).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Justify in writing why the unit's spread is outside the guidance (hr-admin); kept with the breaches and counts it answers. Accepts If-Match.");
    }
}
