using JasperFx.Events;
using JasperFx.Events.Projections;
using Kinerja.Domain.Documents;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Documents;

internal static class IssuedDocumentStore
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventType<DocumentIssued>();
        // One event per stream: folded when read, nothing to keep as a document.
        opts.Projections.Add<IssuedDocumentProjection>(ProjectionLifecycle.Live);
    }
}

internal sealed class IssuedDocumentProjection() : StreamProjection<IssuedDocument>([typeof(DocumentIssued)])
{
    public override IssuedDocument Evolve(IssuedDocument? snapshot, Guid id, IEvent e) => IssuedDocument.Evolve(snapshot, e.Data);
}
