using System.Globalization;
using System.Text;
using System.Text.Json;
using Kinerja.Application.Audit.GettingAsOf;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Audit.ListingLateEntries;
using Kinerja.Application.Audit.VerifyingChains;
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
                await mediator.Send(new GetLateEntries(minDaysLate, limit, after), ct))
            .WithTags("Audit")
            .WithSummary("Entries recorded more than `minDaysLate` days (default Kinerja:Audit:LateAfterDays, 30) after the date they take effect, "
                + "across all employees, in commit order; paged by sequence (`after`).")
            .Produces<Page<AuditEntry>>().ProducesProblem(400).ProducesProblem(403);

        var audit = api.MapGroup("/audit/employees/{nip}").WithTags("Audit");

        audit.MapGet("/history", async (string nip, DateTimeOffset? from, DateTimeOffset? to, string[]? type, int? limit, long? after, string? format,
                IMediator mediator, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var page = await mediator.Send(new GetEmployeeHistory(nip, from, to, type, limit, after), ct);
                return Http.Csv.Wanted(http, format) ? Csv(page, json.Value.SerializerOptions) : Results.Ok(page);
            })
            .WithSummary("Every event about the employee across their streams in commit order, with who, when, why and the data as stored. "
                + "Paged by sequence (`after` = the last sequence seen); `format=csv` or `Accept: text/csv` for CSV.")
            .Produces<Page<AuditEntry>>().Produces(200, contentType: "text/csv").ProducesProblem(403).ProducesProblem(404);

        audit.MapGet("/as-of", async (string nip, DateTimeOffset at, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetEmployeeAsOf(nip, at), ct))
            .WithSummary("The employee as recorded at an instant (e.g. 2026-12-31T23:59:59+09:00), replayed from the events; back-dated entries are listed.")
            .ProducesProblem(403).ProducesProblem(404);

        audit.MapGet("/verification", async (string nip, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new VerifyEmployeeChains(nip), ct))
            .WithSummary("Recomputes the hash chain of every stream about the employee and reports the first broken link per stream.")
            .ProducesProblem(403).ProducesProblem(404);
    }

    private static IResult Csv(Page<AuditEntry> page, JsonSerializerOptions json) => Http.Csv.Of(
        "sequence,recordedAt,streamId,version,type,effectiveOn,daysBackDated,userName,role,actorNip,correlationId,causationId,reason,data",
        page.Items,
        e =>
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture), e.RecordedAt.ToString("O", CultureInfo.InvariantCulture), e.StreamId.ToString(),
            e.Version.ToString(CultureInfo.InvariantCulture), e.Type, e.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            e.DaysBackDated?.ToString(CultureInfo.InvariantCulture) ?? "", e.UserName ?? "", e.Role ?? "", e.ActorNip ?? "",
            e.CorrelationId ?? "", e.CausationId ?? "", e.Reason ?? "", JsonSerializer.Serialize(e.Data, e.Data.GetType(), json),
        ]);
}
