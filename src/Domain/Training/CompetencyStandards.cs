using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

/// <summary>A level one competency must reach in one position kind, overriding the kind's default.</summary>
public sealed record CompetencyRequirement(PositionKind Kind, string CompetencyCode, int Level);

/// <summary>
/// A simplified standar kompetensi jabatan: the minimum level (1-5) every assessed competency should
/// reach in a position kind, with per-competency exceptions. Versioned: a need always names the
/// version it was measured against.
/// </summary>
public sealed record CompetencyStandard(
    string Version, DateOnly EffectiveFrom, IReadOnlyDictionary<PositionKind, int> DefaultLevel, IReadOnlyList<CompetencyRequirement> Exceptions)
{
    public int RequiredLevel(PositionKind kind, string competencyCode) =>
        Exceptions.FirstOrDefault(r => r.Kind == kind && r.CompetencyCode == competencyCode)?.Level ?? DefaultLevel[kind];
}

public static class CompetencyStandards
{
    /// <summary>
    /// Until the position standards (standar kompetensi jabatan) are loaded per position, every
    /// assessed competency is expected at level 3 in every kind of position.
    /// </summary>
    public static readonly IReadOnlyList<CompetencyStandard> Versions =
    [
        new("2026.1", new DateOnly(2000, 1, 1), Enum.GetValues<PositionKind>().ToDictionary(k => k, _ => 3), []),
    ];

    public static CompetencyStandard On(DateOnly date) =>
        Versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom)
        ?? throw new InvalidOperationException($"No competency standard is in force on {date:yyyy-MM-dd}.");
}
