using System.Text;
using Kinerja.Application.Audit.CheckingSeparationOfDuties;
using Kinerja.Application.Audit;
using Kinerja.Application.Audit.GettingAsOf;
using Kinerja.Application.Audit.ListingDigests;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Audit.ListingLateEntries;
using Kinerja.Application.Audit.VerifyingChains;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Kinerja.Api.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/late-entries", async (int? minDaysLate, int? limit, long? after, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListLateEntries(minDaysLate, limit, after), ct))
            .WithTags("Audit")
            .WithSummary("Entries recorded more than `minDaysLate` days (default Kinerja:Audit:LateAfterDays, 30) after the date they take effect "
                + "(kind `days-late`) or in a cycle or its appraisals after the cycle closed (kind `after-cycle-closed`), across all employees, "
                + "in commit order; paged by sequence (`after`).")
            .Produces<Page<LateEntry>>().ProducesProblem(400).ProducesProblem(403);

        api.MapGet("/audit/cycles/{id:guid}/separation-of-duties", async (Guid id, int? limit, long? after, string? format,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var page = await mediator.Send(new CheckSeparationOfDuties(id, limit, after), ct);
                return Http.Csv.Wanted(http, format) ? Csv(page, DutyFindingCsv.Header, DutyFindingCsv.Fields) : Results.Ok(page);
            })
            .WithTags("Audit")
            .WithSummary("Every evaluation of the cycle whose rater was not the ratee's superior in the registry on the evaluation date "
                + "(`rater-not-superior`), whose approver was not the rater's superior (`approver-not-raters-superior`), or whose rater "
                + "was the ratee (`self-evaluation`); in commit order, paged by sequence (`after`); `format=csv` or `Accept: text/csv` for CSV.")
            .Produces<Page<DutyFinding>>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/audit/digests", async (int? limit, Instant? before, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListDigests(limit, before?.Utc), ct))
            .WithTags("Audit")
            .WithSummary("Recorded digests over every stream's sealed head, newest first: one a day (id `daily-YYYY-MM-DD`, WIT) and one per "
                + "`verify-chains` run, to copy outside the system and compare later. Paged by `before` (the `nextCursor` instant).")
            .Produces<Page<ChainDigest>>().ProducesProblem(400).ProducesProblem(403);

        var audit = api.MapGroup("/audit/employees/{nip}").WithTags("Audit");

        audit.MapGet("/history", async (string nip, Instant? from, Instant? to, string[]? type, int? limit, long? after, string? format,
                IMediator mediator, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var page = await mediator.Send(new GetEmployeeHistory(nip, from?.Utc, to?.Utc, type, limit, after), ct);
                return Http.Csv.Wanted(http, format) ? Csv(page, AuditEntryCsv.Header, e => AuditEntryCsv.Fields(e, json.Value.SerializerOptions)) : Results.Ok(page);
            })
            .WithSummary("Every event about the employee across their streams in commit order, with who, when, why and the data as stored. "
                + "Paged by sequence (`after` = the last sequence seen); `format=csv` or `Accept: text/csv` for CSV.")
            .Produces<Page<AuditEntry>>().Produces(200, contentType: "text/csv").ProducesProblem(403).ProducesProblem(404);

        audit.MapGet("/as-of", async (string nip, Instant at, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetEmployeeAsOf(nip, at.Utc), ct))
            .WithSummary("The employee as recorded at an instant (e.g. 2026-12-31T23:59:59+09:00), replayed from the events; back-dated entries are listed.")
            .ProducesProblem(403).ProducesProblem(404);

        audit.MapGet("/verification", async (string nip, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new VerifyEmployeeChains(nip), ct))
            .WithSummary("Recomputes the hash chain of every stream about the employee and reports the first broken link per stream.")
            .ProducesProblem(403).ProducesProblem(404);
    }

    private static IResult Csv<T>(Page<T> page, string header, Func<T, string[]> fields) => Http.Csv.Of(header, page.Items, fields);
}
