using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.Documents;

/// <summary>
/// What the service issues to be signed and filed: the agreed SKP (sasaran kinerja pegawai), the Dokumen Evaluasi Kinerja, and a unit's
/// Penetapan Predikat (the decision fixing its employees' predikat, with their distribution).
/// </summary>
public enum DocumentKind { Skp, EvaluasiKinerja, PenetapanPredikat }

/// <summary>
/// A document was issued. <paramref name="ContentHash"/> is the SHA-256 of its canonical content and is printed on every page, so a
/// printed copy names the record it came from; <paramref name="Subject"/> is the NIP or unit code it is about.
/// </summary>
public sealed record DocumentIssued(
    Guid DocumentId, string ContentHash, DocumentKind Kind, Guid CycleId, string Subject, string Title, Actor By, DateTimeOffset IssuedAt);

/// <summary>One issued content: the same content issued again is the same document.</summary>
public sealed record IssuedDocument(
    Guid Id, string ContentHash, DocumentKind Kind, Guid CycleId, string Subject, string Title, Actor IssuedBy, DateTimeOffset IssuedAt)
{
    /// <summary>Derived from the content hash, so two issues of the same content race for one stream and exactly one records it.</summary>
    public static Guid IdFor(string contentHash) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"kinerja/document/{contentHash}")).AsSpan(0, 16));

    public static IssuedDocument Evolve(IssuedDocument? state, object @event) => (state, @event) switch
    {
        (null, DocumentIssued e) => new IssuedDocument(e.DocumentId, e.ContentHash, e.Kind, e.CycleId, e.Subject, e.Title, e.By, e.IssuedAt),
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to issued document {(state is null ? "before issue" : state.Id)}."),
    };
}

public static class DocumentDecisions
{
    /// <summary>Content already issued appends nothing: the first issue stays the one on record.</summary>
    public static IReadOnlyList<object> Issue(
        IssuedDocument? state, string contentHash, DocumentKind kind, Guid cycleId, string subject, string title, Actor by, DateTimeOffset now) =>
        state is not null ? [] : [new DocumentIssued(IssuedDocument.IdFor(contentHash), contentHash, kind, cycleId, subject, title, by, now)];
}
