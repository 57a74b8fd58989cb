using Kinerja.Api.Audit;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// The timeline as the auditor filtered it, whole, in the API's audit CSV columns: the same query and access as
/// <c>GET /audit/employees/{nip}/history?format=csv</c>, read page by page so the download is never silently cut.
/// </summary>
internal static class EmployeeHistoryCsv
{
    public static async Task<IResult> Write(string nip, HttpContext http, ConsoleReads reads, IMediator mediator, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var filter = TimelineFilter.Of(http.Request);
        var section = await reads.Read(ApiReads.History, async c =>
        {
            var rows = new List<AuditEntry>();
            var after = filter.After;
            Page<AuditEntry> page;
            do
            {
                page = await mediator.Send(new GetEmployeeHistory(nip, filter.FromInstant, filter.ToInstant, filter.Types, GetEmployeeHistoryHandler.DefaultLimit, after), c);
                rows.AddRange(page.Items);
                after = page.Items.Count > 0 ? page.Items[^1].Sequence : after;
            }
            while (page.NextCursor is not null);

            return rows;
        }, ct);
        if (!section.Allowed)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (section.Value is not { } entries)
        {
            return Results.NotFound(section.Problem);
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"riwayat-{new string([.. nip.Where(char.IsAsciiLetterOrDigit)])}.csv\"";
        return Http.Csv.Of(AuditEntryCsv.Header, entries, e => AuditEntryCsv.Fields(e, json.Value.SerializerOptions));
    }
}
