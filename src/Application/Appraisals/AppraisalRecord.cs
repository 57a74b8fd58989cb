using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;

using Kinerja.Domain;

namespace Kinerja.Application.Appraisals;

/// <summary>Where an appraisal stands: its latest plan version's status, or Opened before the first draft.</summary>
public enum AppraisalStatus { Opened, Draft, Submitted, Returned, Agreed }

public sealed record PlanReturn(string Comments, Actor By, DateTimeOffset At);

public sealed record PlanVersionRecord(
    int Version,
    PlanStatus Status,
    Plan Plan,
    DateTimeOffset DraftedAt,
    Actor DraftedBy,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<PlanReturn> Returns,
    DateTimeOffset? AgreedAt,
    Actor? AgreedBy);

/// <summary>A realisation as recorded; <see cref="CorrectedBy"/> names the correction that superseded it.</summary>
public sealed record RealisationEntry(
    Guid Id,
    string IndicatorKey,
    decimal Value,
    Evidence Evidence,
    DateOnly AchievedOn,
    DateTimeOffset RecordedAt,
    Actor RecordedBy,
    Guid? Corrects,
    string? Reason,
    Guid? CorrectedBy);

public sealed record Excusal(string Reason, Actor By, DateTimeOffset At);

public sealed record EvaluationReturn(string Comments, Actor By, DateTimeOffset At);

/// <summary>The latest evaluation with the table version behind its predikat; earlier returns are kept with their comments.</summary>
public sealed record EvaluationRecord(
    EvaluationStatus Status,
    Rating Results,
    Rating Behaviour,
    IReadOnlyList<RowAssessment> RowAssessments,
    string Justification,
    Predikat Predikat,
    string PredikatTableVersion,
    Actor EvaluatedBy,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<EvaluationReturn> Returns,
    DateTimeOffset? ApprovedAt,
    Actor? ApprovedBy);

/// <summary>Sum and count, so the mean is exact whatever the order the scores arrived in.</summary>
public sealed record ValueTally(BerAkhlak Value, int Count, int Sum);

public sealed record FeedbackComment(string Comment, DateTimeOffset At, RespondentGroup? Group);

public sealed record GroupCount(RespondentGroup Group, int Count);

public sealed record SourceTally(
    FeedbackSource Source,
    int Count,
    IReadOnlyList<ValueTally> Values,
    IReadOnlyList<FeedbackComment> LatestComments,
    IReadOnlyList<GroupCount> Groups);

/// <summary>The ekspektasi khusus pimpinan as the rater last set them.</summary>
public sealed record LeaderExpectations(IReadOnlyDictionary<BerAkhlak, string> Expectations, Actor By, DateTimeOffset SetAt);

/// <summary>
/// An appraisal's read model, kept inline with its events: plan versions in full, realisations,
/// and feedback tallied per source and value (single feedback entries stay in the events only).
/// </summary>
public sealed record AppraisalRecord(
    Guid Id,
    Guid CycleId,
    Guid EmployeeId,
    string Nip,
    string UnitCode,
    Guid RaterId,
    string RaterNip,
    Guid? ApproverId,
    string? ApproverNip,
    DateOnly RaterResolvedOn,
    IReadOnlyList<PlanVersionRecord> PlanVersions,
    IReadOnlyList<RealisationEntry> Realisations,
    IReadOnlyList<SourceTally> Feedback,
    DateTimeOffset OpenedAt,
    EvaluationRecord? Evaluation = null,
    Excusal? Excusal = null,
    PerformanceScore? Score = null,
    LeaderExpectations? LeaderExpectations = null)
{
    public const int LatestCommentsKept = 5;

    /// <summary>Final or excused: what closing the cycle waits for.</summary>
    public bool Settled => Excusal is not null || Evaluation?.Status == EvaluationStatus.Approved;

    /// <summary>Ranking key, stored as a column: the final predikat's class (0 = Sangat Baik, best); null until final, or when excused.</summary>
    public int? RankClass => Excusal is null && Evaluation is { Status: EvaluationStatus.Approved } e ? (int)e.Predikat : null;

    /// <summary>Ranking key within a class, stored as a column: the score; null when not ranked.</summary>
    public decimal? RankScore => RankClass is null ? null : Score?.Value ?? 0m;

    /// <summary>Tie-break between equal scores, stored as a column: the results points; null when not ranked.</summary>
    public decimal? RankResults => RankClass is null ? null : Score?.ResultsPoints ?? 0m;

    public AppraisalStatus Status => PlanVersions.Count == 0 ? AppraisalStatus.Opened : PlanVersions[^1].Status switch
    {
        PlanStatus.Draft => AppraisalStatus.Draft,
        PlanStatus.Submitted => AppraisalStatus.Submitted,
        PlanStatus.Returned => AppraisalStatus.Returned,
        _ => AppraisalStatus.Agreed,
    };

    public PlanVersionRecord? Agreed() => PlanVersions.LastOrDefault(v => v.Status == PlanStatus.Agreed);

    /// <summary>
    /// Each indicator of the agreed plan with its latest realisation not superseded by a correction
    /// (by achieved date, then recording time); empty before a plan is agreed.
    /// </summary>
    public IEnumerable<(PlanRow Row, Indicator Indicator, RealisationEntry? Latest)> AgreedIndicators()
    {
        if (Agreed() is not { } agreed)
        {
            return [];
        }

        var current = Realisations.Where(r => r.CorrectedBy is null).ToLookup(r => r.IndicatorKey);
        return agreed.Plan.Rows.SelectMany(row => row.Indicators.Select(i =>
            (row, i, current[i.Key].OrderBy(r => r.AchievedOn).ThenBy(r => r.RecordedAt).LastOrDefault())));
    }

    /// <summary>The agreed indicators with the value achieved: what the score and the strengths rule measure.</summary>
    public IReadOnlyList<IndicatorOutcome> Outcomes() =>
        [.. AgreedIndicators().Select(x => new IndicatorOutcome(x.Row.Key, x.Row.Kind, x.Indicator.Key, x.Indicator.Aspect, x.Indicator.Target.Value, x.Latest?.Value))];

    /// <summary>The score once a plan is agreed: what there is to measure against.</summary>
    public PerformanceScore? ScoredWith(ScoreWeights weights) => Agreed() is null ? null : PerformanceScore.Compute(
        weights,
        Outcomes(),
        [.. Feedback.Select(t => new SourceFeedback(t.Source, t.Count, t.Values.Sum(v => v.Sum), t.Values.Sum(v => v.Count)))]);
}

public sealed record AppraisalFilter(Guid CycleId, string? UnitCode, AppraisalStatus? Status, Guid? RaterId, string? AfterNip, int Limit);

public interface IAppraisalDirectory
{
    Task<AppraisalRecord?> Find(Guid id, CancellationToken ct);

    Task<IReadOnlyList<AppraisalRecord>> FindMany(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Ordered by the NIP the appraisal was opened with; keyset paging after <see cref="AppraisalFilter.AfterNip"/>.</summary>
    Task<IReadOnlyList<AppraisalRecord>> List(AppraisalFilter filter, CancellationToken ct);

    /// <summary>The appraisals of the cycle opened in the unit.</summary>
    Task<IReadOnlyList<AppraisalRecord>> InUnit(Guid cycleId, string unitCode, CancellationToken ct);

    /// <summary>The predikat of each approved (final) evaluation of the cycle in the unit, without reading the records.</summary>
    Task<IReadOnlyList<Predikat>> FinalPredikatInUnit(Guid cycleId, string unitCode, CancellationToken ct);

    /// <summary>Which of the employees have an appraisal, not excused, in one of the cycles.</summary>
    Task<IReadOnlyList<(Guid EmployeeId, Guid CycleId)>> AppraisedIn(IReadOnlyCollection<Guid> cycleIds, IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    /// <summary>The approved (final) appraisals of the employees, in any cycle.</summary>
    Task<IReadOnlyList<AppraisalRecord>> FinalOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    /// <summary>How many of the cycle's appraisals are neither final nor excused.</summary>
    Task<int> CountUnsettled(Guid cycleId, CancellationToken ct);
}

/// <summary>Section <c>Kinerja:Scoring</c>: which version of the score's weights is in force.</summary>
public sealed class ScoringSettings
{
    public string WeightsVersion { get; set; } = ScoreWeightSets.V2026.Version;

    public ScoreWeights Weights() => ScoreWeightSets.ByVersion(WeightsVersion)
        ?? throw new InvalidOperationException(
            $"Kinerja:Scoring:WeightsVersion '{WeightsVersion}' is unknown; known: {string.Join(", ", ScoreWeightSets.All.Select(w => w.Version))}.");
}

/// <summary>Section <c>Kinerja:Appraisals</c>.</summary>
public sealed class AppraisalSettings
{
    /// <summary>Public submissions one appraisal accepts: a flood from a compromised or buggy portal stops here.</summary>
    public int MaxPublicFeedbackPerAppraisal { get; set; } = 500;
}
