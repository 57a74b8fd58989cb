using Kinerja.Domain.Appraisals;

namespace Kinerja.Domain.Talent;

/// <summary>
/// Where a figure counts as a strength or a weakness. A weakness by the unit comparison also needs the
/// figure below <see cref="RelativeWeaknessCeiling"/>, so that nobody meeting expectations is called weak
/// only because the rest of the unit did even better.
/// </summary>
public sealed record Thresholds(decimal StrengthFloor, decimal WeaknessFloor, decimal RelativeWeaknessCeiling);

/// <summary>
/// The parameters of the strengths-and-weaknesses rule. Versioned reference data like the predikat table:
/// every answer names the version that produced it. The regulation sets none of these numbers; they are
/// this system's documented construct (docs/decisions/062-strengths-and-weaknesses.md).
/// </summary>
public sealed record StrengthRule(
    string Version,
    Thresholds Values,
    Thresholds Aspects,
    IReadOnlyList<FeedbackSource> CountedSources,
    int MinPublicResponses,
    int MinUnitFigures,
    int CompetencyStrengthMargin);

public static class StrengthRules
{
    public static readonly StrengthRule V2026 = new(
        "2026.1",
        Values: new(StrengthFloor: 4.0m, WeaknessFloor: 3.0m, RelativeWeaknessCeiling: 4.0m),
        Aspects: new(StrengthFloor: 1.1m, WeaknessFloor: 0.9m, RelativeWeaknessCeiling: 1.0m),
        CountedSources: [FeedbackSource.Supervisor, FeedbackSource.Peer, FeedbackSource.Subordinate, FeedbackSource.Public],
        MinPublicResponses: 5,
        MinUnitFigures: 4,
        CompetencyStrengthMargin: 2);

    public static readonly IReadOnlyList<StrengthRule> All = [V2026];

    public static StrengthRule Current => V2026;
}
