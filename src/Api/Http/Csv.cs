using System.Globalization;
using CsvHelper;
using Kinerja.Application.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Api.Http;

/// <summary>One page of an export: its rows and the cursor of the next page (null on the last).</summary>
public delegate Task<Page<T>> CsvPages<T>(string? cursor, int limit, CancellationToken ct);

/// <summary>
/// Spreadsheet files of the reads that are also offered as CSV (`format=csv`, `format=csv-semicolon` or `Accept: text/csv`),
/// written by CsvHelper (decision 119): RFC 4180 with CRLF, a UTF-8 byte order mark (Excel otherwise reads the names as
/// ANSI), every text cell that a spreadsheet would run as a formula escaped with a leading apostrophe, a download name,
/// and, for Indonesian-locale spreadsheets, a variant separated by <c>;</c> with decimal commas.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string Comma = "csv";
    public const string Semicolon = "csv-semicolon";

    public static bool Wanted(HttpContext http, string? format) =>
        string.Equals(format, Comma, StringComparison.OrdinalIgnoreCase) || string.Equals(format, Semicolon, StringComparison.OrdinalIgnoreCase)
        || http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.Ordinal);

    /// <summary>How numbers are written in the file asked for: a decimal comma beside <c>;</c>, a point beside <c>,</c>.</summary>
    public static IFormatProvider Numbers(string? format) =>
        string.Equals(format, Semicolon, StringComparison.OrdinalIgnoreCase) ? DecimalComma : CultureInfo.InvariantCulture;

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>
    /// The export: with a <paramref name="limit"/> the one page from <paramref name="cursor"/>, with a <c>Link</c> header
    /// (RFC 8288, <c>rel="next"</c>) to the rest while more follows; without one every row from the cursor on, page after
    /// page written to the response as it is read, so a whole city never sits in memory. The first page is read before
    /// anything is sent, so an unknown cycle or a bad cursor is still a problem answer, not a broken file.
    /// </summary>
    public static async Task<IResult> Export<T>(
        HttpContext http, string? format, string fileName, string header, Func<T, IEnumerable<string>> fields,
        int? limit, string? cursor, string cursorParameter, CsvPages<T> pages, CancellationToken ct)
    {
        var first = await pages(cursor, limit ?? Paging.MaxLimit, ct);
        if (limit is not null && first.NextCursor is not null)
        {
            var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query[cursorParameter] = first.NextCursor;
            var url = QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }

        return new CsvFile<T>(Options(format), fileName, header.Split(','), fields, first, limit is null ? pages : null);
    }

    internal static CsvWriterOptions Options(string? format) => CsvWriterOptions.Default with
    {
        Separator = string.Equals(format, Semicolon, StringComparison.OrdinalIgnoreCase) ? ';' : ',',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    private sealed class CsvFile<T>(
        CsvWriterOptions options, string fileName, string[] header, Func<T, IEnumerable<string>> fields, Page<T> first, CsvPages<T>? rest) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            http.Response.ContentType = ContentType;
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
            await using var csv = CsvWriter.Create(http.Response.Body, options, leaveOpen: true);
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            await csv.EndRecordAsync(ct);
            var page = first;
            while (true)
            {
                foreach (var row in page.Items)
                {
                    foreach (var field in fields(row))
                    {
                        csv.WriteField(field);
                    }

                    await csv.EndRecordAsync(ct);
                }

                await csv.FlushAsync(ct);
                if (rest is null || page.NextCursor is null)
                {
                    return;
                }

                page = await rest(page.NextCursor, Paging.MaxLimit, ct);
            }
        }
    }
}
