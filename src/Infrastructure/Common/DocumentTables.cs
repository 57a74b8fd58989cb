using Marten;

namespace Kinerja.Infrastructure.Common;

internal static class DocumentTables
{
    /// <summary>The schema-qualified table Marten stores documents of <typeparamref name="T"/> in, for the raw SQL of a read model.</summary>
    public static string TableOf<T>(this IQuerySession session) =>
        session.DocumentStore.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

    /// <summary>
    /// The documents whose JSON list <paramref name="list"/> holds an element with <paramref name="field"/> equal to one of the values
    /// (camelCase names, as stored): a containment test on the list, for lists the LINQ provider cannot search by a member. The test is on
    /// <c>data -&gt; 'list'</c>, one value at a time, so a GIN index on that member (<c>GinIndexJsonDataMember</c>) answers it; a test on the
    /// whole document inside <c>exists (… unnest …)</c> could only be answered by reading every document (docs/decisions/143).
    /// </summary>
    public static async Task<IReadOnlyList<T>> WithListElement<T>(
        this IQuerySession session, string list, string field, IReadOnlyCollection<Guid> values, CancellationToken ct) =>
        values.Count == 0 ? [] : await session.QueryAsync<T>(
            $"""
            select d.data from {session.TableOf<T>()} d
            where d.id in (select e.id from unnest(?::text[]) v(value)
                join {session.TableOf<T>()} e on {ListHolds("e", list, field, "v.value")})
            """,
            ct,
            new object[] { values.Select(v => v.ToString()).ToArray() });

    /// <summary>
    /// The containment test of <see cref="WithListElement{T}"/> as SQL: the row <paramref name="alias"/>'s list <paramref name="list"/> holds
    /// an element whose <paramref name="field"/> is <paramref name="value"/> (an SQL expression). Written once, because the GIN index on the
    /// list answers only this exact shape.
    /// </summary>
    public static string ListHolds(string alias, string list, string field, string value) =>
        $"{alias}.data -> '{list}' @> jsonb_build_array(jsonb_build_object('{field}', {value}))";
}
