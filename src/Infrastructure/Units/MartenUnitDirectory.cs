using Kinerja.Application.Units;
using Kinerja.Domain.Units;
using Marten;

namespace Kinerja.Infrastructure.Units;

internal sealed class MartenUnitDirectory(IQuerySession session) : IUnitDirectory
{
    public Task<UnitKerja?> Find(string code, CancellationToken ct) => session.LoadAsync<UnitKerja>(UnitKerja.IdFor(code), ct);

    public async Task<IReadOnlyList<UnitKerja>> All(CancellationToken ct) => await session.Query<UnitKerja>().ToListAsync(ct);
}
