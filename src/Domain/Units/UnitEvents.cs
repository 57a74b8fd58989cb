namespace Kinerja.Domain.Units;

public sealed record UnitRegistered(Guid UnitId, string Code, string Name, Guid? ParentUnitId, DateTimeOffset RegisteredAt);

public sealed record UnitRenamed(Guid UnitId, string Name, DateTimeOffset RenamedAt);

/// <summary>
/// Who heads the unit (kepala) from <paramref name="EffectiveOn"/>; a null head leaves it vacant. The head's results rating
/// gives the unit's own result in a cycle (PermenPANRB 6/2022: a unit head's hasil kerja is the unit's result).
/// </summary>
public sealed record UnitHeadAssigned(Guid UnitId, Guid? HeadId, string? HeadNip, DateOnly EffectiveOn, DateTimeOffset AssignedAt) : IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => EffectiveOn;
}
