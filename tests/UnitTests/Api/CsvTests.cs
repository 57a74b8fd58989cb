using System.Text;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Microsoft.AspNetCore.Http;

namespace Kinerja.UnitTests.Api;

public class CsvTests
{
    private sealed record Row(string Name, decimal Score);

    private static IEnumerable<string> Fields(Row r) => [r.Name, r.Score.ToString(Csv.Numbers(null))];

    /// <summary>Three pages of two rows; records which limits were asked for.</summary>
    private sealed class ThreePages
    {
        public List<(string? Cursor, int Limit)> Asked { get; } = [];

        public Task<Page<Row>> Read(string? cursor, int limit, CancellationToken ct)
        {
            Asked.Add((cursor, limit));
            var page = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            Row[] rows = [new($"row {page}a", page), new($"row {page}b", page + 0.5m)];
            return Task.FromResult(new Page<Row>(rows, page < 2 ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        }
    }

    private static async Task<(byte[] Body, HttpContext Http)> Export(string? format, int? limit, Func<Row, IEnumerable<string>>? fields = null, CsvPages<Row>? pages = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/v1/things";
        http.Request.QueryString = new QueryString(limit is null ? "?format=csv" : $"?format=csv&limit={limit}");
        using var body = new MemoryStream();
        http.Response.Body = body;
        var result = await Csv.Export(http, format, "things-2026.csv", "name,score", fields ?? Fields, limit, null, "cursor", pages ?? new ThreePages().Read, CancellationToken.None);
        await result.ExecuteAsync(http);
        return (body.ToArray(), http);
    }

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body.AsSpan(3));

    [Fact]
    public async Task A_whole_export_reads_every_page_at_the_largest_page_size_and_carries_no_link()
    {
        var pages = new ThreePages();

        var (body, http) = await Export("csv", null, pages: pages.Read);

        Text(body).Should().Be("name,score\r\nrow 0a,0\r\nrow 0b,0.5\r\nrow 1a,1\r\nrow 1b,1.5\r\nrow 2a,2\r\nrow 2b,2.5\r\n");
        pages.Asked.Should().Equal((null, Paging.MaxLimit), ("1", Paging.MaxLimit), ("2", Paging.MaxLimit));
        http.Response.Headers.ContainsKey("Link").Should().BeFalse();
    }

    [Fact]
    public async Task An_export_with_a_limit_is_one_page_and_links_to_the_next()
    {
        var (body, http) = await Export("csv", 2);

        Text(body).Should().Be("name,score\r\nrow 0a,0\r\nrow 0b,0.5\r\n");
        http.Response.Headers.Link.ToString().Should().Be("</api/v1/things?format=csv&limit=2&cursor=1>; rel=\"next\"");
    }

    [Fact]
    public async Task The_file_starts_with_a_utf8_byte_order_mark_and_every_record_ends_with_crlf()
    {
        var (body, _) = await Export("csv", null);

        body.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Text(body);
        text.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n").And.NotContain("\r");
        text.Split("\r\n").Should().HaveCount(8, "a header, six records and nothing after the last CRLF");
    }

    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_escaped_with_an_apostrophe_and_quotes_are_doubled()
    {
        Task<Page<Row>> Hostile(string? cursor, int limit, CancellationToken ct) => Task.FromResult(new Page<Row>(
            [new("=HYPERLINK(\"http://evil\",\"klik\")", 1), new("+62 911 123", 2), new("-1+1", 3), new("@SUM(A1)", 4), new("Budi, S.Pd", 5)], null));

        var (body, _) = await Export("csv", null, pages: Hostile);

        Text(body).Split("\r\n").Skip(1).Take(5).Should().Equal(
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\",1",
            "\"'+62 911 123\",2",
            "\"'-1+1\",3",
            "\"'@SUM(A1)\",4",
            "\"Budi, S.Pd\",5");
    }

    [Fact]
    public async Task The_answer_is_a_download_with_a_file_name_and_the_csv_media_type()
    {
        var (_, http) = await Export("csv", null);

        http.Response.ContentType.Should().Be("text/csv; charset=utf-8");
        http.Response.Headers.ContentDisposition.ToString().Should().Be("attachment; filename=things-2026.csv");
    }

    [Fact]
    public async Task The_semicolon_variant_separates_by_semicolons_and_writes_decimal_commas_for_indonesian_spreadsheets()
    {
        var numbers = Csv.Numbers(Csv.Semicolon);

        var (body, _) = await Export(Csv.Semicolon, null, r => [r.Name, r.Score.ToString(numbers)],
            (_, _, _) => Task.FromResult(new Page<Row>([new("Sari; guru", 87.5m), new("Budi", 1234.25m)], null)));

        Text(body).Should().Be("name;score\r\n\"Sari; guru\";87,5\r\nBudi;1234,25\r\n");
        Csv.Numbers("csv").Should().Be(System.Globalization.CultureInfo.InvariantCulture);
    }
}
