using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Documents;
using Mediator;

namespace Kinerja.Application.Documents.CheckingDocument;

/// <summary>
/// What a printed copy is: the document issued with that hash, and whether it is current (the same document built from today's record has
/// the same content; <see cref="CurrentHash"/> otherwise names the content it would have now).
/// </summary>
public sealed record DocumentCheck(
    string ContentHash, DocumentKind Kind, string Title, Guid CycleId, string Subject, Actor IssuedBy, DateTimeOffset IssuedAt, bool Current, string? CurrentHash);

public sealed record CheckDocument(string ContentHash) : IQuery<DocumentCheck>;

public sealed class CheckDocumentValidator : AbstractValidator<CheckDocument>
{
    public CheckDocumentValidator() =>
        RuleFor(q => q.ContentHash).Matches("^[0-9a-fA-F]{64}$").WithMessage(new Wording("harus berupa 64 digit heksadesimal yang tercetak pada dokumen", "must be the 64 hexadecimal digits printed on the document"));
}

public sealed class CheckDocumentHandler(DocumentSources sources, IEventStore store) : IQueryHandler<CheckDocument, DocumentCheck>
{
    public async ValueTask<DocumentCheck> Handle(CheckDocument query, CancellationToken ct)
    {
        var hash = query.ContentHash.ToLowerInvariant();
        var issued = await store.Load<IssuedDocument>(IssuedDocument.IdFor(hash), ct)
            ?? throw new NotFound("document-not-found", $"No document was issued with hash {hash}: check the digits printed at the foot of the page.");
        string? now;
        try
        {
            now = (await sources.Build(issued.Kind, issued.CycleId, issued.Subject, ct)).Hash();
        }
        catch (Exception e) when (e is NotFound or Domain.DomainRuleViolation)
        {
            now = null;
        }

        return new DocumentCheck(hash, issued.Kind, issued.Title, issued.CycleId, issued.Subject, issued.IssuedBy, issued.IssuedAt, now == hash, now);
    }
}
