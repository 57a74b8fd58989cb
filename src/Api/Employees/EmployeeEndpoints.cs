using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.AssigningActingOfficial;
using Kinerja.Application.Employees.RecordingCompetencyAssessment;
using Kinerja.Application.Employees.RecordingContract;
using Kinerja.Application.Employees.ChangingSupervisor;
using Kinerja.Application.Employees.CorrectingNip;
using Kinerja.Application.Employees.EndingEmployment;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Application.Employees.GettingSupervisor;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Employees.ListingEndingContracts;
using Kinerja.Application.Employees.ListingSubordinates;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Application.Employees.TransferringEmployee;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Api.Employees;

public sealed record TransferEmployeeRequest(string UnitCode, PositionInput Position, string? Golongan, DateOnly? EffectiveOn, string? SupervisorNip);

public sealed record AssignActingOfficialRequest(string ActingNip, ActingKind? Kind, DateOnly? From, DateOnly? To);

public sealed record RecordContractRequest(string Reference, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record ChangeSupervisorRequest(string? SupervisorNip, DateOnly? EffectiveOn);

public sealed record CorrectNipRequest(string NewNip, string Reason);

public sealed record RecordCompetencyAssessmentRequest(IReadOnlyList<CompetencyLevel> Competencies, Potential? Potential, DateOnly? AssessedOn, string AssessedBy);

public sealed record EndEmploymentRequest(EmploymentEndReason? Reason, DateOnly? EffectiveOn);

/// <summary>The employee a route addresses, by NIP.</summary>
public sealed record EmployeeRoute(string Nip);

public static class EmployeeEndpoints
{

    public static void MapEmployees(this RouteGroupBuilder api)
    {
        var employees = api.MapGroup(Routes.Employees.Group).WithTags("Employees (ASN)");

        employees.MapPost("/", CommandRoutes.Creation<RegisterEmployee, EmployeeDetails>(written => new GetEmployee(written.Key), written => Routes.Employees.One(written.Key)).Handle)
            .RequireAuthorization(AuthSetup.RegistryWriters)
            .WithSummary("Register an ASN (PNS or PPPK). The NIP is validated and must be unique.");

        employees.MapGet("/", async (string? unit, bool? includeSubUnits, string? q, EmployeeOrder? order, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListEmployees(unit, limit, cursor, includeSubUnits, q, order), ct))
            .WithSummary("Employees ordered by NIP (`order=Name`: by name, then NIP), paged by cursor. `unit`: the unit of their latest placement, with "
                + "`includeSubUnits=true` also its sub-units (DISDIK with its schools); `q`: a name or position title containing it (any case) or a NIP "
                + "starting with it. hr-admin, portal and auditors see everyone; a unit's head (or their Plt/Plh) and its opd-admin their units "
                + "(an opd-admin without `unit` sees its whole subtree); a supervisor otherwise their subordinates.")
            .Produces<Page<EmployeeListItem>>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        employees.MapGet("/{nip}/subordinates", async (string nip, DateOnly? on, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListSubordinates(nip, on, limit, cursor), ct))
            .WithSummary("Those whose direct superior on `on` (default today, WIT) is the employee, employed then, with unit and position as of "
                + "that date; ordered by NIP, paged by cursor. Read by whoever may read the employee's record.")
            .Produces<Page<EmployeeListItem>>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        employees.MapGet("/contracts-ending", async (int? withinMonths, int? limit, int? offset, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListEndingContracts(withinMonths, limit, offset), ct))
            .WithSummary("PPPK whose latest work agreement ends within withinMonths months (WIT), soonest first, with their recent final predikat: "
                + "the basis of the extension decision. Paged by offset.")
            .ProducesProblem(400).ProducesProblem(403);

        employees.MapGet("/{nip}", async (string nip, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    return http.WithETag(await mediator.Send(new GetEmployee(nip), ct));
                }
                catch (EmployeeMoved moved)
                {
                    return Results.Redirect(Routes.Employees.One(moved.CurrentNip), permanent: true, preserveMethod: true);
                }
            })
            .WithSummary("An employee's profile; ETag is the stream version. A former NIP redirects (308) to the current one.")
            .Produces<EmployeeDetails>().Produces(StatusCodes.Status308PermanentRedirect).ProducesProblem(403).ProducesProblem(404);

        employees.MapGet("/{nip}/supervisor", async (string nip, DateOnly? on, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetSupervisorOn(nip, on), ct))
            .WithSummary("The effective superior (usual pejabat penilai) on a date (default: today, WIT).")
            .ProducesProblem(403).ProducesProblem(404);

        employees.MapPost("/{nip}/transfers", Action((EmployeeRoute at, TransferEmployeeRequest body) =>
                new TransferEmployee(at.Nip, body.UnitCode, body.Position, body.Golongan, body.EffectiveOn, body.SupervisorNip)).Handle)
            .Action("Transfer (mutasi) to another unit and/or position from an effective date. The superior changes with it: the supervisorNip named, "
                + "or else the new unit's head; the supervisor history's basis says which.");
        employees.MapPost("/{nip}/acting-officials", Action((EmployeeRoute at, AssignActingOfficialRequest body) => new AssignActingOfficial(at.Nip, body.ActingNip, body.Kind, body.From, body.To)).Handle)
            .Action("Record a Plt/Plh acting for this official from one date to another: they may then do this official's rater and approver acts.");
        employees.MapPost("/{nip}/contracts", Action((EmployeeRoute at, RecordContractRequest body) => new RecordContract(at.Nip, body.Reference, body.StartsOn, body.EndsOn)).Handle)
            .Action("Record a PPPK work agreement or its renewal (at least one year).");
        employees.MapPost("/{nip}/supervisor-changes", Action((EmployeeRoute at, ChangeSupervisorRequest body) => new ChangeSupervisor(at.Nip, body.SupervisorNip, body.EffectiveOn)).Handle)
            .Action("Name the direct superior from an effective date (null: none).");
        employees.MapPost("/{nip}/nip-corrections", Action((EmployeeRoute at, CorrectNipRequest body) => new CorrectNip(at.Nip, body.NewNip, body.Reason)).Handle)
            .Action("Replace the NIP (e.g. a PPPK re-contract); the former NIP stays in the history and redirects.");
        employees.MapPost("/{nip}/competency-assessments", Action((EmployeeRoute at, RecordCompetencyAssessmentRequest body) =>
                new RecordCompetencyAssessment(at.Nip, body.Competencies, body.Potential, body.AssessedOn, body.AssessedBy)).Handle)
            .Action("Record a competency assessment: levels 1-5 per competency and the potential.");
        employees.MapPost("/{nip}/employment-ending", Action((EmployeeRoute at, EndEmploymentRequest body) => new EndEmployment(at.Nip, body.Reason, body.EffectiveOn)).Handle)
            .Action("End the employment; afterwards every write to the employee is refused.");
    }

    /// <summary>A domain action on an employee: answered with the profile under its (possibly corrected) NIP, its ETag and Location.</summary>
    private static CommandRoute<EmployeeRoute, TRequest, EmployeeDetails> Action<TRequest>(Func<EmployeeRoute, TRequest, ICommand<Written>> command)
        where TRequest : notnull =>
        CommandRoutes.Command(command, (_, written) => new GetEmployee(written.Key), (_, written) => Routes.Employees.One(written.Key));

    private static RouteHandlerBuilder Action(this RouteHandlerBuilder route, string summary) =>
        route.RequireAuthorization(AuthSetup.RegistryWriters).WithSummary(summary);
}
