using Marten.Events.Aggregation;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// A single-stream projection over the given event types; the concrete classes override Evolve to call
/// the Domain's or read model's fold (Marten's conventional Apply methods need its source generator).
/// </summary>
internal abstract class StreamProjection<TDoc> : SingleStreamProjection<TDoc, Guid> where TDoc : class
{
    protected StreamProjection(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            IncludeType(type);
        }
    }
}
