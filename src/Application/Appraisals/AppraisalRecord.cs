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

/// <summary>A unit head's results rating and the unit result it followed (PermenPANRB 6/2022), with the mapping's version.</summary>
public sealed record ResultsFromUnit(string UnitCode, UnitResult Result, string Rule);

/// <summary>
/// The latest evaluation with the table version behind its predikat; earlier returns are kept with their comments. What the results
/// rating rests on when not on realisations: <see cref="UnrealisedJustification"/> (above expectations with nothing realised) or
/// <see cref="FromUnit"/> (a unit head's). <see cref="ScoreWeightsVersion"/>: the weights pinned on the score at approval.
/// </summary>
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
    Actor? ApprovedBy,
    string? UnrealisedJustification = null,
    ResultsFromUnit? FromUnit = null,
    string? ScoreWeightsVersion = null);

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
/// An appraisal's read model, kept inline with its events: plan versions in full and realisations. Its
/// <see cref="Feedback"/> tallies (per source and value; single feedback entries stay in the events only) and its
/// <see cref="Score"/> are kept in the <see cref="AppraisalStanding"/> beside it and filled in by the
/// <see cref="IAppraisalDirectory"/> that reads both (docs/decisions/070); the stored record has none.
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

    public AppraisalStatus Status => PlanVersions.Count == 0 ? AppraisalStatus.Opened : PlanVersions[^1].Status switch
    {
        PlanStatus.Draft => AppraisalStatus.Draft,
        PlanStatus.Submitted => AppraisalStatus.Submitted,
        PlanStatus.Returned => AppraisalStatus.Returned,
        _ => AppraisalStatus.Agreed,
    };

    public PlanVersionRecord? Agreed() => PlanVersions.LastOrDefault(v => v.Status == PlanStatus.Agreed);

    /// <summary>The agreed plan's version, stored as a column for the appraisal lists (docs/decisions/157).</summary>
    public int? AgreedVersion => Agreed()?.Version;

    /// <summary>The realisations no correction superseded.</summary>
    public IEnumerable<CurrentRealisation> CurrentRealisations() =>
        Realisations.Where(r => r.CorrectedBy is null).Select(r => new CurrentRealisation(r.Id, r.IndicatorKey, r.Value, r.AchievedOn, r.RecordedAt));

    /// <summary>
    /// Each indicator of the agreed plan with its latest realisation not superseded by a correction
    /// (<see cref="AppraisalStanding.Latest"/>); empty before a plan is agreed.
    /// </summary>
    public IEnumerable<(PlanRow Row, Indicator Indicator, CurrentRealisation? Latest)> AgreedIndicators()
    {
        if (Agreed() is not { } agreed)
        {
            return [];
        }

        var current = CurrentRealisations().ToLookup(r => r.IndicatorKey);
        return agreed.Plan.Rows.SelectMany(row => row.Indicators.Select(i => (row, i, AppraisalStanding.Latest(current[i.Key]))));
    }

    /// <summary>The agreed indicators with the value achieved: what the score and the strengths rule measure (<see cref="AppraisalStanding.Outcomes"/>).</summary>
    public IReadOnlyList<IndicatorOutcome> Outcomes() =>
        Agreed() is { } agreed ? AppraisalStanding.Outcomes(AppraisalStanding.Indicators(agreed.Plan), CurrentRealisations()) : [];

    /// <summary>The record as read: with the tallies and the score of its standing (none before a rebuild made one).</summary>
    public AppraisalRecord With(AppraisalStanding? standing) => standing is null ? this : this with { Feedback = standing.Feedback, Score = standing.Score };
}

/// <summary>A row of the appraisal list: the employee's current NIP and name (from the profile), and the NIP it was opened with (the list's key).</summary>
public sealed record AppraisalListRow(
    string OpenedNip, string? Nip, string? FullName, string UnitCode, string RaterNip, AppraisalStatus Status, int? AgreedVersion);

public sealed record AppraisalFilter(Guid CycleId, string? UnitCode, AppraisalStatus? Status, Guid? RaterId, string? AfterNip, int Limit);

public interface IAppraisalDirectory
{
    Task<AppraisalRecord?> Find(Guid id, CancellationToken ct);

    Task<IReadOnlyList<AppraisalRecord>> FindMany(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Ordered by the NIP the appraisal was opened with; keyset paging after <see cref="AppraisalFilter.AfterNip"/>.</summary>
    Task<IReadOnlyList<AppraisalRecord>> List(AppraisalFilter filter, CancellationToken ct);

    /// <summary>
    /// <see cref="List"/>'s page as the appraisal list shows it, from the records' columns and the employees' profiles in one
    /// statement: no record document is read.
    /// </summary>
    Task<IReadOnlyList<AppraisalListRow>> ListRows(AppraisalFilter filter, CancellationToken ct);

    /// <summary>The appraisals of the cycle opened in the unit.</summary>
    Task<IReadOnlyList<AppraisalRecord>> InUnit(Guid cycleId, string unitCode, CancellationToken ct);

    /// <summary>How many approved (final) evaluations of the cycle in the unit gave each predikat (none: left out), without reading the records.</summary>
    Task<IReadOnlyDictionary<Predikat, int>> FinalPredikatInUnit(Guid cycleId, string unitCode, CancellationToken ct);

    /// <summary>Which of the employees have an appraisal, not excused, in one of the cycles.</summary>
    Task<IReadOnlyList<(Guid EmployeeId, Guid CycleId)>> AppraisedIn(IReadOnlyCollection<Guid> cycleIds, IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    /// <summary>The approved (final) appraisals of the employees, in any cycle.</summary>
    Task<IReadOnlyList<AppraisalRecord>> FinalOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    /// <summary>How many of the cycle's appraisals are neither final nor excused.</summary>
    Task<int> CountUnsettled(Guid cycleId, CancellationToken ct);

    /// <summary>The employees' appraisals, in any cycle, that are neither final nor excused: what may still wait for someone.</summary>
    Task<IReadOnlyList<AppraisalRecord>> UnsettledOf(IReadOnlyCollection<Guid> employeeIds, CancellationToken ct);

    /// <summary>How many of the cycle's appraisals stand at each stage, per unit they were opened in, counted in the database.</summary>
    Task<IReadOnlyList<StageCount>> StagesIn(Guid cycleId, CancellationToken ct);
}

/// <summary>A unit's appraisals at one stage of a cycle: plan status, evaluation status (none before one) and excusal.</summary>
public sealed record StageCount(string UnitCode, AppraisalStatus Status, EvaluationStatus? Evaluation, bool Excused, int Count);

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
