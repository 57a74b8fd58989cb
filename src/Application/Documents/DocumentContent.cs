using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Domain.Documents;

namespace Kinerja.Application.Documents;

public sealed record DocumentField(string Label, string Value);

public sealed record DocumentTable(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>One class of the distribution: its label, how many and their share of the whole.</summary>
public sealed record CurvePoint(string Label, int Count, decimal Share);

/// <summary>
/// A document's content, independent of layout: its title, labelled fields, tables, the distribution curve where it has one, and who
/// signs. Its hash is what a printed copy names and what <c>GET /documents/{hash}</c> checks.
/// </summary>
public sealed record DocumentContent(
    DocumentKind Kind, string Title, IReadOnlyList<DocumentField> Fields, IReadOnlyList<DocumentTable> Tables, IReadOnlyList<CurvePoint>? Curve,
    IReadOnlyList<string> Signatories)
{
    private static readonly JsonSerializerOptions Canonical = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>SHA-256 of the content as JSON: property order is the records' declaration order, so the same content always hashes alike.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, Canonical)));
}

/// <summary>Lays a document out as PDF, with its hash and the issue on every page.</summary>
public interface IDocumentRenderer
{
    byte[] Render(DocumentContent content, IssuedDocument issued);
}
