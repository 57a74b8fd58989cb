using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.AssessingCompetency;
using Kinerja.Application.Employees.ChangingSupervisor;
using Kinerja.Application.Employees.CorrectingNip;
using Kinerja.Application.Employees.EndingEmployment;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Application.Employees.GettingSupervisor;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Application.Employees.TransferringEmployee;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Api.Employees;

public sealed record TransferEmployeeRequest(string UnitCode, PositionInput Position, string? Golongan, DateOnly? EffectiveOn);

public sealed record ChangeSupervisorRequest(string? SupervisorNip, DateOnly? EffectiveOn);

public sealed record CorrectNipRequest(string NewNip, string Reason);

public sealed record RecordCompetencyAssessmentRequest(IReadOnlyList<CompetencyLevel> Competencies, Potential? Potential, DateOnly? AssessedOn, string AssessedBy);

public sealed record EndEmploymentRequest(EmploymentEndReason? Reason, DateOnly? EffectiveOn);

public static class EmployeeEndpoints
{
    public static string Location(string nip) => $"{ApiPipeline.ApiBase}/employees/{nip}";

    public static void MapEmployees(this RouteGroupBuilder api)
    {
        var employees = api.MapGroup("/employees").WithTags("Employees (ASN)");

        employees.MapPost("/", async (RegisterEmployee command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command, ct);
                return http.Created(Location(written.Key), await mediator.Send(new GetEmployee(written.Key), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Register an ASN (PNS or PPPK). The NIP is validated and must be unique.")
            .Produces<EmployeeDetails>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(409);

        employees.MapGet("/", async (string? unit, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListEmployees(unit, limit, cursor), ct))
            .WithSummary("Employees ordered by NIP, paged by cursor; filter by the unit of their latest placement. A supervisor sees their subordinates.")
            .ProducesProblem(400).ProducesProblem(403);

        employees.MapGet("/{nip}", async (string nip, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    return http.WithETag(await mediator.Send(new GetEmployee(nip), ct));
                }
                catch (EmployeeMoved moved)
                {
                    return Results.Redirect(Location(moved.CurrentNip), permanent: true, preserveMethod: true);
                }
            })
            .WithSummary("An employee's profile; ETag is the stream version. A former NIP redirects (308) to the current one.")
            .ProducesProblem(403).ProducesProblem(404);

        employees.MapGet("/{nip}/supervisor", async (string nip, DateOnly? on, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetSupervisorOn(nip, on), ct))
            .WithSummary("The effective superior (usual pejabat penilai) on a date (default: today, WIT).")
            .ProducesProblem(403).ProducesProblem(404);

        employees.MapAction("/{nip}/transfers", "Transfer (mutasi) to another unit and/or position from an effective date.",
            (string nip, TransferEmployeeRequest body, long? version) =>
                new TransferEmployee(nip, body.UnitCode, body.Position, body.Golongan, body.EffectiveOn, version));
        employees.MapAction("/{nip}/supervisor-changes", "Name the direct superior from an effective date (null: none).",
            (string nip, ChangeSupervisorRequest body, long? version) => new ChangeSupervisor(nip, body.SupervisorNip, body.EffectiveOn, version));
        employees.MapAction("/{nip}/nip-corrections", "Replace the NIP (e.g. a PPPK re-contract); the former NIP stays in the history and redirects.",
            (string nip, CorrectNipRequest body, long? version) => new CorrectNip(nip, body.NewNip, body.Reason, version));
        employees.MapAction("/{nip}/competency-assessments", "Record a competency assessment: levels 1-5 per competency and the potential.",
            (string nip, RecordCompetencyAssessmentRequest body, long? version) =>
                new RecordCompetencyAssessment(nip, body.Competencies, body.Potential, body.AssessedOn, body.AssessedBy, version));
        employees.MapAction("/{nip}/employment-ending", "End the employment; afterwards every write to the employee is refused.",
            (string nip, EndEmploymentRequest body, long? version) => new EndEmployment(nip, body.Reason, body.EffectiveOn, version));
    }

    /// <summary>A domain action on an employee: POST to a sub-resource, If-Match honoured, the updated profile and its ETag returned.</summary>
    private static void MapAction<TRequest>(this RouteGroupBuilder group, string pattern, string summary, Func<string, TRequest, long?, ICommand<Written>> command)
        where TRequest : notnull =>
        group.MapPost(pattern, async (string nip, TRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command(nip, body, Versions.IfMatch(http.Request)), ct);
                http.Response.Headers.Location = Location(written.Key);
                return http.WithETag(await mediator.Send(new GetEmployee(written.Key), ct));
            })
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary(summary)
            .Produces<EmployeeDetails>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
}
