using Marten;

namespace Kinerja.Infrastructure.Common;

internal static class DocumentTables
{
    /// <summary>The schema-qualified table Marten stores documents of <typeparamref name="T"/> in, for the raw SQL of a read model.</summary>
    public static string TableOf<T>(this IQuerySession session) =>
        session.DocumentStore.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
}
