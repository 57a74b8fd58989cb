using Kinerja.Domain.Units;

namespace Kinerja.Application.Units;

public interface IUnitDirectory
{
    Task<UnitKerja?> Find(string code, CancellationToken ct);

    Task<IReadOnlyList<UnitKerja>> All(CancellationToken ct);
}
