namespace Kinerja.Domain.Units;

public sealed record UnitRegistered(Guid UnitId, string Code, string Name, Guid? ParentUnitId, DateTimeOffset RegisteredAt);

public sealed record UnitRenamed(Guid UnitId, string Name, DateTimeOffset RenamedAt);
