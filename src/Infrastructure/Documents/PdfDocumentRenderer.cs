using System.Globalization;
using Kinerja.Application.Common;
using Kinerja.Application.Documents;
using Kinerja.Domain.Documents;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Kinerja.Infrastructure.Documents;

/// <summary>
/// Lays a document out on A4 with PDFsharp: title, fields, tables that break across pages, the distribution curve drawn as vectors, the
/// signature blocks, and on every page a footer with the content hash, the issue and the page number.
/// </summary>
internal sealed class PdfDocumentRenderer : IDocumentRenderer
{
    private const double Margin = 50;
    private const double FooterHeight = 40;

    static PdfDocumentRenderer()
    {
        // Process-wide in PDFsharp: set once, before the first font is asked for.
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
    }

    public byte[] Render(DocumentContent content, IssuedDocument issued)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = content.Title;
        pdf.Info.Subject = $"{content.Kind} {issued.Subject} {issued.ContentHash}";
        pdf.Info.Creator = "Kinerja";
        var page = new Page(pdf);
        page.Start();
        page.Text(content.Title, Page.Heading, bold: true);
        page.Gap(8);
        foreach (var field in content.Fields)
        {
            page.Field(field.Label, field.Value);
        }

        if (content.Curve is { Count: > 0 } curve)
        {
            page.Gap(10);
            page.Curve(curve);
        }

        foreach (var table in content.Tables.Where(t => t.Rows.Count > 0))
        {
            page.Gap(10);
            page.Table(table);
        }

        page.Gap(20);
        page.Signatures(content.Signatories);
        page.Close();
        Footers(pdf, issued);
        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    private static void Footers(PdfDocument pdf, IssuedDocument issued)
    {
        var font = new XFont(EmbeddedFonts.Family, 7);
        var at = issued.IssuedAt.ToOffset(Wit.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 10;
            gfx.DrawLine(XPens.Gray, Margin, y - 12, page.Width.Point - Margin, y - 12);
            gfx.DrawString($"Diterbitkan {at} WIT oleh {issued.IssuedBy.Name} · halaman {i + 1} dari {pdf.PageCount}", font, XBrushes.Black, Margin, y);
            gfx.DrawString($"Hash isi: {issued.ContentHash} · periksa: GET /api/v1/documents/{{hash}}", font, XBrushes.Black, Margin, y + 10);
        }
    }

    /// <summary>The page being filled, and where: a new page starts whenever the next block would run into the footer.</summary>
    private sealed class Page(PdfDocument pdf)
    {
        public const double Heading = 14;
        private const double Body = 9;

        private readonly XFont _body = new(EmbeddedFonts.Family, Body);
        private readonly XFont _bold = new(EmbeddedFonts.Family, Body, XFontStyleEx.Bold);
        private PdfPage _page = null!;
        private XGraphics? _gfx;
        private double _y;

        private XGraphics Gfx => _gfx!;

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin - FooterHeight;

        public void Start() => NewPage();

        public void Gap(double points) => _y += points;

        public void Text(string text, double size, bool bold)
        {
            var font = new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var lines = Wrap(text, font, Width);
            Room(lines.Count * size * 1.3);
            foreach (var line in lines)
            {
                Gfx.DrawString(line, font, XBrushes.Black, Margin, _y + size);
                _y += size * 1.3;
            }
        }

        public void Field(string label, string value)
        {
            const double labelWidth = 150;
            var lines = Wrap(value, _body, Width - labelWidth);
            Room(lines.Count * Body * 1.4);
            Gfx.DrawString(label, _bold, XBrushes.Black, Margin, _y + Body);
            foreach (var line in lines)
            {
                Gfx.DrawString(line, _body, XBrushes.Black, Margin + labelWidth, _y + Body);
                _y += Body * 1.4;
            }
        }

        public void Table(DocumentTable table)
        {
            Text(table.Heading, 11, bold: true);
            var widths = ColumnWidths(table);
            Row(table.Columns, widths, _bold, header: true);
            foreach (var row in table.Rows)
            {
                var cells = Cells(row, widths, _body);
                if (_y + Height(cells) > Bottom)
                {
                    NewPage();
                    Row(table.Columns, widths, _bold, header: true);
                }

                Row(row, widths, _body, header: false);
            }
        }

        /// <summary>Bars per predikat with the curve through their tops, each labelled with its count and share.</summary>
        public void Curve(IReadOnlyList<CurvePoint> points)
        {
            const double height = 160;
            Text("Kurva distribusi predikat", 11, bold: true);
            Room(height + 40);
            var gfx = Gfx;
            var (left, top, width) = (Margin + 30, _y + 10, Width - 60);
            var max = Math.Max(1, points.Max(p => p.Count));
            var slot = width / points.Count;
            gfx.DrawLine(XPens.Black, left, top + height, left + width, top + height);
            gfx.DrawLine(XPens.Black, left, top, left, top + height);
            var tops = new List<XPoint>();
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                var barHeight = height * p.Count / max;
                var x = left + (i * slot) + (slot * 0.2);
                gfx.DrawRectangle(XPens.Black, new XSolidBrush(XColor.FromArgb(160, 190, 225)), x, top + height - barHeight, slot * 0.6, barHeight);
                tops.Add(new XPoint(x + (slot * 0.3), top + height - barHeight));
                gfx.DrawString($"{p.Count} ({p.Share.ToString("0.#", CultureInfo.InvariantCulture)} %)", _body, XBrushes.Black,
                    new XRect(left + (i * slot), top + height - barHeight - 14, slot, 12), XStringFormats.Center);
                gfx.DrawString(p.Label, _body, XBrushes.Black, new XRect(left + (i * slot), top + height + 4, slot, 12), XStringFormats.Center);
            }

            gfx.DrawLines(new XPen(XColors.DarkRed, 1.5), [.. tops]);
            _y = top + height + 24;
        }

        public void Signatures(IReadOnlyList<string> signatories)
        {
            Room(90);
            var slot = Width / Math.Max(1, signatories.Count);
            for (var i = 0; i < signatories.Count; i++)
            {
                var x = Margin + (i * slot);
                Gfx.DrawString(signatories[i], _body, XBrushes.Black, new XRect(x, _y, slot, 12), XStringFormats.Center);
                Gfx.DrawLine(XPens.Black, x + 15, _y + 70, x + slot - 15, _y + 70);
            }

            _y += 90;
        }

        public void Close() => _gfx?.Dispose();

        private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
        {
            var wrapped = Cells(cells, widths, font);
            var height = Height(wrapped);
            Room(height);
            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                if (header)
                {
                    Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(230, 230, 230)), x, _y, widths[i], height);
                }

                Gfx.DrawRectangle(XPens.Gray, x, _y, widths[i], height);
                for (var l = 0; l < wrapped[i].Count; l++)
                {
                    Gfx.DrawString(wrapped[i][l], font, XBrushes.Black, x + 3, _y + 2 + Body + (l * Body * 1.3));
                }

                x += widths[i];
            }

            _y += height;
        }

        private List<List<string>> Cells(IReadOnlyList<string> cells, double[] widths, XFont font) =>
            [.. cells.Select((c, i) => Wrap(c, font, widths[i] - 6))];

        private static double Height(List<List<string>> cells) => (cells.Max(w => w.Count) * Body * 1.3) + 4;

        /// <summary>Widths in proportion to each column's longest text, within bounds, filling the line.</summary>
        private double[] ColumnWidths(DocumentTable table)
        {
            var longest = table.Columns.Select((c, i) => Math.Clamp(table.Rows.Select(r => r[i].Length).Append(c.Length).Max(), 4, 60)).ToArray();
            var total = longest.Sum();
            return [.. longest.Select(l => Width * l / total)];
        }

        private void Room(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _gfx;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (line.Length > 0 && Measure(candidate, font) > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;
    }
}
