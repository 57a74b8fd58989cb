using JasperFx.Events.Projections;
using Marten;

namespace Kinerja.Infrastructure.ReadModels;

public static class StoredProjections
{
    /// <summary>The projections that store documents, so have something to rebuild: a live one folds on demand (docs/decisions/064).</summary>
    public static IEnumerable<IProjectionSource<IDocumentOperations, IQuerySession>> Of(StoreOptions options) =>
        options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live);
}
