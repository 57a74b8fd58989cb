using PdfSharp.Fonts;

namespace Kinerja.Infrastructure.Documents;

/// <summary>
/// PDFsharp finds no system fonts on Linux, and a server's fonts are whatever its image has: the documents use DejaVu Sans, shipped inside
/// this assembly, for every family asked for. It is embedded (subset) in each PDF, so a copy prints the same everywhere.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans", false, isItalic);

    public byte[] GetFont(string faceName) => faceName == "DejaVuSans-Bold" ? Bold.Value : Regular.Value;

    private static byte[] Load(string file)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Kinerja.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in {typeof(EmbeddedFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
