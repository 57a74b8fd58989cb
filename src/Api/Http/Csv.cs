using System.Text;

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

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
