using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

public enum LevelEvidence { Assessment, TrainingCompletion }

/// <summary>The latest known level of a competency and what it rests on.</summary>
public sealed record KnownLevel(string CompetencyCode, int Level, DateOnly AsOf, LevelEvidence Evidence);

public enum NeedSource { CurrentPositionStandard, TargetPositionStandard }

public sealed record NeedOrigin(NeedSource Source, PositionKind PositionKind, int RequiredLevel, string StandardVersion);

public sealed record TrainingNeed(string CompetencyCode, KnownLevel Current, int RequiredLevel, IReadOnlyList<NeedOrigin> Origins)
{
    public int Gap => RequiredLevel - Current.Level;
}

/// <summary>
/// Training needs from the competency gap (the law's first gap analysis): each known competency
/// below the standard of the current position, or of the target position when one is given. The
/// performance gap (appraisal weaknesses, support flags) joins as further sources when appraisals exist.
/// </summary>
public static class TrainingNeeds
{
    /// <summary>A completed training that attests a level supersedes an older assessment of that competency.</summary>
    public static IReadOnlyList<KnownLevel> KnownLevels(CompetencyAssessed? assessment, IEnumerable<TrainingCompletion> completions) =>
        KnownLevels(
            assessment?.Competencies.Select(c => new KnownLevel(c.Code, c.Level, assessment.AssessedOn, LevelEvidence.Assessment)) ?? [],
            completions.Select(Attested).OfType<KnownLevel>());

    /// <summary>Per competency the latest level by date; on one date a training completion over an assessment.</summary>
    public static IReadOnlyList<KnownLevel> KnownLevels(IEnumerable<KnownLevel> assessed, IEnumerable<KnownLevel> attested) =>
        [.. assessed.Concat(attested)
            .GroupBy(k => k.CompetencyCode)
            .Select(g => g.OrderBy(k => k.AsOf).ThenBy(k => k.Evidence).Last())
            .OrderBy(k => k.CompetencyCode, StringComparer.Ordinal)];

    /// <summary>The level a completed training attests, if it attests one.</summary>
    public static KnownLevel? Attested(TrainingCompletion completion) => completion.NewCompetencyLevel is { } level
        ? new KnownLevel(level.Code, level.Level, completion.CompletedOn, LevelEvidence.TrainingCompletion)
        : null;

    public static IReadOnlyList<TrainingNeed> Derive(
        IReadOnlyList<KnownLevel> levels, PositionKind current, PositionKind? target, CompetencyStandard standard)
    {
        var needs = new List<TrainingNeed>();
        foreach (var level in levels)
        {
            var origins = new List<NeedOrigin>();
            AddIfBelow(NeedSource.CurrentPositionStandard, current);
            if (target is { } t)
            {
                AddIfBelow(NeedSource.TargetPositionStandard, t);
            }

            if (origins.Count > 0)
            {
                needs.Add(new TrainingNeed(level.CompetencyCode, level, origins.Max(o => o.RequiredLevel), origins));
            }

            void AddIfBelow(NeedSource source, PositionKind kind)
            {
                var required = standard.RequiredLevel(kind, level.CompetencyCode);
                if (level.Level < required)
                {
                    origins.Add(new NeedOrigin(source, kind, required, standard.Version));
                }
            }
        }

        return needs;
    }
}
