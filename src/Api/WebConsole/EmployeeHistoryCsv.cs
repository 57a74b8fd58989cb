using System.Globalization;
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
        ValueTask<Page<AuditEntry>> Read(long? after, int size, CancellationToken c) =>
            mediator.Send(new GetEmployeeHistory(nip, filter.FromInstant, filter.ToInstant, filter.Types, size, after), c);

        // The first page is read through the console's access check; the rest streams page by page as the API's export does.
        var section = await reads.Read(ApiReads.History, c => Read(filter.After, Paging.MaxLimit, c), ct);
        if (!section.Allowed)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (section.Value is not { } first)
        {
            return Results.NotFound(section.Problem);
        }

        var fileName = $"riwayat-{new string([.. nip.Where(char.IsAsciiLetterOrDigit)])}.csv";
        return await Http.Csv.Export(http, Http.Csv.Comma, fileName, AuditEntryCsv.Header, (AuditEntry e) => AuditEntryCsv.Fields(e, json.Value.SerializerOptions),
            limit: null, cursor: null, cursorParameter: "after",
            (cursor, size, c) => cursor is null ? Task.FromResult(first) : Read(long.Parse(cursor, CultureInfo.InvariantCulture), size, c).AsTask(), ct);
    }
}
