using Kinerja.Application.Documents;
using Kinerja.Domain.Documents;
using Kinerja.Infrastructure.Documents;
using UglyToad.PdfPig;

namespace Kinerja.IntegrationTests.Documents;

/// <summary>The layout on its own, without a database: a table too long for one page breaks, repeats its header, and every page has the footer.</summary>
public sealed class PdfDocumentRendererTests
{
    [Fact]
    public void A_long_table_continues_on_further_pages_each_with_the_column_header_and_the_footer_with_the_hash()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"19850101201001{i:0000}", $"Pegawai nomor {i}", "Baik"]).ToList();
        var content = new DocumentContent(DocumentKind.PenetapanPredikat, "Penetapan Predikat Kinerja Pegawai", [new("Unit kerja", "DISDIK")],
            [new DocumentTable("Daftar pegawai", ["No", "NIP", "Nama", "Predikat"], rows)],
            [new CurvePoint("Sangat Baik", 0, 0), new CurvePoint("Baik", 120, 100), new CurvePoint("Butuh Perbaikan", 0, 0), new CurvePoint("Kurang", 0, 0), new CurvePoint("Sangat Kurang", 0, 0)],
            ["Kepala unit kerja"]);
        var hash = content.Hash();
        var issued = new IssuedDocument(IssuedDocument.IdFor(hash), hash, content.Kind, Guid.NewGuid(), "DISDIK", content.Title, new Kinerja.Domain.Actor(null, "sari", "hr-admin", "sari.bkpsdm"), DateTimeOffset.UtcNow);

        using var pdf = PdfDocument.Open(new PdfDocumentRenderer().Render(content, issued));

        pdf.NumberOfPages.Should().BeGreaterThan(2);
        var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
        pages.Should().AllSatisfy(text => text.Should().Contain(hash).And.Contain("NoNIPNamaPredikat").And.Contain($"dari{pdf.NumberOfPages}"));
        string.Concat(pages).Should().Contain("198501012010010001").And.Contain("198501012010010120").And.Contain("Kepalaunitkerja");
    }
}
