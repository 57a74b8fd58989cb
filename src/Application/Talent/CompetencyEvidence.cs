using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Talent;

/// <summary>
/// What an employee's competency levels rest on, for the talent and candidate profiles: the latest assessment (by its
/// date) and the levels completed trainings attested since. The levels placement reads are both merged by
/// <see cref="TrainingNeeds.KnownLevels(IEnumerable{KnownLevel}, IEnumerable{KnownLevel})"/>, the rule the training
/// needs use: per competency the latest by date, and on one date the training completion.
/// </summary>
public sealed record CompetencyEvidence(IReadOnlyDictionary<string, int> Assessed, DateOnly? AssessedOn, IReadOnlyList<KnownLevel> Attested)
{
    public static readonly CompetencyEvidence None = new(new Dictionary<string, int>(), null, []);

    /// <summary>Latest by assessment date; of two on one date, the later recorded (events arrive in commit order).</summary>
    public bool IsLatest(CompetencyAssessed assessment) => AssessedOn is not { } on || assessment.AssessedOn >= on;

    public CompetencyEvidence Assess(CompetencyAssessed assessment) =>
        this with { Assessed = assessment.Competencies.ToDictionary(c => c.Code, c => c.Level), AssessedOn = assessment.AssessedOn };

    public CompetencyEvidence Attest(TrainingGrantCompleted completed) => completed.NewCompetencyLevel is { } level
        ? this with { Attested = [.. Attested, new KnownLevel(level.Code, level.Level, completed.CompletedOn, LevelEvidence.TrainingCompletion)] }
        : this;

    public Dictionary<string, int> Levels() =>
        TrainingNeeds.KnownLevels(
                Assessed.Select(a => new KnownLevel(a.Key, a.Value, AssessedOn ?? DateOnly.MinValue, LevelEvidence.Assessment)), Attested)
            .ToDictionary(k => k.CompetencyCode, k => k.Level);
}
