using System.Text;

namespace Kinerja.Application.Imports;

/// <summary>A data row of the file: its first line's number (the header is line 1) and its cells by lower-case header.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, string> cells)
{
    public int Line { get; } = line;

    /// <summary>The trimmed cell, null when the column is absent or the cell empty.</summary>
    public string? this[string column] => cells.TryGetValue(column, out var value) && value.Trim() is { Length: > 0 } text ? text : null;
}

/// <summary>
/// RFC 4180 CSV as spreadsheets export it: comma or semicolon (Excel in an Indonesian locale) as the delimiter, told by the header;
/// quoted cells may hold delimiters, doubled quotes and line breaks; a byte order mark is ignored; blank lines are skipped.
/// </summary>
public sealed class CsvFile
{
    private CsvFile(IReadOnlyList<string> headers, IReadOnlyList<CsvRow> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>The file's last line that holds a record (1 when it has only the header).</summary>
    public int LastLine => Rows.Count == 0 ? 1 : Rows[^1].Line;

    public static IReadOnlyList<string> HeaderOf(string text) => [.. Records(text).FirstOrDefault().Cells ?? []];

    public static CsvFile Parse(string text)
    {
        var records = Records(text).ToList();
        if (records.Count == 0)
        {
            return new CsvFile([], []);
        }

        var headers = records[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var rows = records.Skip(1).Select(r =>
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count && i < r.Cells.Count; i++)
            {
                cells.TryAdd(headers[i], r.Cells[i]);
            }

            return new CsvRow(r.Line, cells);
        }).ToList();
        return new CsvFile(headers, rows);
    }

    private static IEnumerable<(int Line, List<string> Cells)> Records(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var firstLineEnd = text.IndexOf('\n', start);
        var header = firstLineEnd < 0 ? text[start..] : text[start..firstLineEnd];
        var delimiter = header.Contains(';') && !header.Contains(',') ? ';' : ',';
        var line = 1;
        var cell = new StringBuilder();
        var cells = new List<string>();
        var recordLine = 1;
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                if (cells.Any(x => x.Length > 0))
                {
                    yield return (recordLine, cells);
                }

                cells = [];
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        if (cells.Any(x => x.Length > 0))
        {
            yield return (recordLine, cells);
        }
    }
}
