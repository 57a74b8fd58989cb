using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Documents;
using Mediator;

namespace Kinerja.Application.Documents.IssuingDocument;

/// <summary>The PDF as issued, and the hash printed on it.</summary>
public sealed record IssuedPdf(string ContentHash, string FileName, byte[] Pdf);

/// <summary>
/// Issues a document (<paramref name="Subject"/>: the NIP for an SKP or evaluation, the unit code for a Penetapan Predikat): its content is
/// built from the record as it stands, and the issue is recorded with the content's hash unless that content was issued before.
/// </summary>
public sealed record IssueDocument(DocumentKind Kind, Guid CycleId, string Subject) : ICommand<IssuedPdf>;

public sealed class IssueDocumentValidator : AbstractValidator<IssueDocument>
{
    public IssueDocumentValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(30);
    }
}

public sealed class IssueDocumentHandler(DocumentSources sources, IDocumentRenderer renderer, IEventStore store, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<IssueDocument, IssuedPdf>
{
    public async ValueTask<IssuedPdf> Handle(IssueDocument command, CancellationToken ct)
    {
        var content = await sources.Build(command.Kind, command.CycleId, command.Subject, ct);
        var hash = content.Hash();
        var id = IssuedDocument.IdFor(hash);
        await store.Decide<IssuedDocument>(id, issued => DocumentDecisions.Issue(
            issued, hash, command.Kind, command.CycleId, command.Subject, content.Title, current.Actor, clock.GetUtcNow()), ct);
        var issued = await store.Load<IssuedDocument>(id, ct) ?? throw new InvalidOperationException($"Document {hash} was not recorded.");
        return new IssuedPdf(hash, $"{command.Kind}-{command.Subject}-{hash[..12]}.pdf", renderer.Render(content, issued));
    }
}
