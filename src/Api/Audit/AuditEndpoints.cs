using System.Globalization;
using System.Text;
using Kinerja.Application.Audit.CheckingSeparationOfDuties;
using Kinerja.Application.Audit;
using Kinerja.Application.Audit.GettingAsOf;
using Kinerja.Application.Audit.ListingDigests;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Audit.ListingLateEntries;
using Kinerja.Application.Audit.VerifyingChains;
using Kinerja.Application.Audit.VerifyingDigest;
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
        api.MapGet("/audit/late-entries", async (int? minDaysLate, int? limit, long? after, string? unit, Guid? cycle, string? actor,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListLateEntries(minDaysLate, limit, after, unit, cycle, actor), ct))
            .WithTags("Audit")
            .WithSummary("Entries recorded more than `minDaysLate` days (default Kinerja:Audit:LateAfterDays, 30) after the date they take effect "
                + "(kind `days-late`) or in a cycle or its appraisals after the cycle closed (kind `after-cycle-closed`), across all employees, "
                + "in commit order; paged by sequence (`after`). Each names its subject (`subjectNip`, `unitCode`: the appraisal's unit or the "
                + "employee's placement on the date the fact takes effect, `cycleId`); filter by `unit`, `cycle` and `actor` (acting NIP or user name).")
            .Produces<Page<LateEntry>>().ProducesProblem(400).ProducesProblem(403);

        api.MapGet("/audit/cycles/{id:guid}/separation-of-duties", async (Guid id, int? limit, long? after, string? format,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (!Http.Csv.Wanted(http, format))
                {
                    return Results.Ok(await mediator.Send(new CheckSeparationOfDuties(id, limit, after), ct));
                }

                return await Csv(http, format, $"separation-of-duties-{id}.csv", DutyFindingCsv.Header, DutyFindingCsv.Fields, limit, after,
                    (page, size, token) => mediator.Send(new CheckSeparationOfDuties(id, size, page), token), ct);
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

        api.MapGet("/audit/digests/verification", async (string? digest, Instant? recordedAt, long? streams, long? throughSequence, int? limit, Guid? after,
                IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new VerifyDigest(digest, recordedAt?.Utc, streams, throughSequence, limit, after), ct))
            .WithTags("Audit")
            .WithSummary("Checks a digest kept outside the system (`digest`, `recordedAt` and, where the copy has them, `streams` and `throughSequence`, "
                + "as `GET /audit/digests` gave them) against the hash chains recomputed from today's events: whether the history it covers is unchanged, "
                + "which streams are broken today, and the streams written since, ordered by stream id and paged by `after` (the `nextCursor` stream id). "
                + "The `verify-digest` admin verb does the same.")
            .Produces<DigestVerification>().ProducesProblem(400).ProducesProblem(403);

        var audit = api.MapGroup("/audit/employees/{nip}").WithTags("Audit");

        audit.MapGet("/history", async (string nip, Instant? from, Instant? to, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? type, int? limit, long? after, string? format,
                IMediator mediator, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                if (!Http.Csv.Wanted(http, format))
                {
                    return Results.Ok(await mediator.Send(new GetEmployeeHistory(nip, from?.Utc, to?.Utc, type, limit, after), ct));
                }

                return await Csv(http, format, $"history-{nip}.csv", AuditEntryCsv.Header, e => AuditEntryCsv.Fields(e, json.Value.SerializerOptions), limit, after,
                    (page, size, token) => mediator.Send(new GetEmployeeHistory(nip, from?.Utc, to?.Utc, type, size, page), token), ct);
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

    /// <summary>An audit export, paged by sequence (<c>after</c>).</summary>
    private static Task<IResult> Csv<T>(HttpContext http, string? format, string fileName, string header, Func<T, string[]> fields, int? limit, long? after,
        Func<long?, int, CancellationToken, ValueTask<Page<T>>> read, CancellationToken ct) =>
        Http.Csv.Export(http, format, fileName, header, fields, limit, after?.ToString(CultureInfo.InvariantCulture), "after",
            (page, size, token) => read(page is null ? null : long.Parse(page, CultureInfo.InvariantCulture), size, token).AsTask(), ct);
}
