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

        // Already read whole above (after the access check), so the export is one page without a cursor.
        var fileName = $"riwayat-{new string([.. nip.Where(char.IsAsciiLetterOrDigit)])}.csv";
        return await Http.Csv.Export(http, Http.Csv.Comma, fileName, AuditEntryCsv.Header, (AuditEntry e) => AuditEntryCsv.Fields(e, json.Value.SerializerOptions),
            limit: null, cursor: null, cursorParameter: "after", (_, _, _) => Task.FromResult(new Page<AuditEntry>(entries, null)), ct);
    }
}
