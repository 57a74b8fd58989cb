using System.Data.Common;
using Marten;
using Marten.Services;
using Casing = Weasel.Core.Casing;
using EnumStorage = Weasel.Core.EnumStorage;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// Marten's System.Text.Json serializer, except that a JSON value read from a result row is deserialized from the
/// bytes at once instead of through System.Text.Json's resumable stream reader (docs/decisions/063). Npgsql holds the
/// whole row before the value is read (Marten does not read these rows sequentially), so there is no I/O to wait
/// for; the stream reader's bookkeeping (a frame stack that grows for every nested record with a constructor) was the
/// largest cost of a projection rebuild: 335,000 appraisal events went through it once per projection.
/// Everything else, writing included, is the base serializer's. It stays a <see cref="Marten.Services.SystemTextJsonSerializer"/>,
/// which is what Marten's event upcasters look for.
/// </summary>
internal sealed class RowJsonSerializer : Marten.Services.SystemTextJsonSerializer, Marten.ISerializer, Weasel.Storage.IStorageSerializer
{
    public RowJsonSerializer(EnumStorage enumStorage, Casing casing)
    {
        EnumStorage = enumStorage;
        Casing = casing;
    }

    public new ValueTask<T> FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FromJson<T>(reader, index));

    public new ValueTask<object> FromJsonAsync(Type type, DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(FromJson(type, reader, index));
}
