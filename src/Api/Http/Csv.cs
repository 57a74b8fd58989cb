using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Kinerja.Api.Http;

/// <summary>RFC 4180 text for the reads that are also offered as spreadsheets (`format=csv` or `Accept: text/csv`).</summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static bool Wanted(HttpContext http, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) || http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.Ordinal);

    public static IResult Of<T>(string header, IEnumerable<T> rows, Func<T, IEnumerable<string>> fields)
    {
        var csv = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', fields(row).Select(Quote)).Append('\n');
        }

        return Results.Text(csv.ToString(), ContentType);
    }

    /// <summary>
    /// One page of a list as CSV: when more follows, a <c>Link</c> header (RFC 8288, <c>rel="next"</c>) carries the URL of the
    /// next page, this request's with <paramref name="cursorParameter"/> set to <paramref name="next"/>.
    /// </summary>
    public static IResult Page<T>(HttpContext http, string header, IEnumerable<T> rows, Func<T, IEnumerable<string>> fields, string cursorParameter, string? next)
    {
        if (next is not null)
        {
            var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query[cursorParameter] = next;
            var url = QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }

        return Of(header, rows, fields);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
