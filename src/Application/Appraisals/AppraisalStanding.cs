using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Application.Appraisals;

/// <summary>A realisation no correction has superseded: what an indicator's achieved value is chosen from.</summary>
public sealed record CurrentRealisation(Guid Id, string IndicatorKey, decimal Value, DateOnly AchievedOn, DateTimeOffset RecordedAt);

/// <summary>
/// An appraisal's feedback tallies and its score with what the score is computed from, kept inline in a small document of
/// their own beside the <see cref="AppraisalRecord"/> (docs/decisions/070): a public feedback, the portal's hot write, then
/// neither reads nor rewrites the record with its plans and realisations. The ranking's keys are its columns.
/// </summary>
/// <param name="Drafted">The latest drafted plan's indicators (achieved value empty): what an agreement agrees.</param>
/// <param name="Agreed">The agreed plan's indicators (achieved value empty); null before a plan is agreed.</param>
/// <param name="Predikat">The latest submitted evaluation's predikat.</param>
/// <param name="ScoreWeightsVersion">The score weights pinned when the evaluation was approved (ADR 086); null before.</param>
/// <param name="PublicReceived">How many public submissions the appraisal has received (what the cap counts): read under the stream's lock
/// with this document. The submissions and the respondents themselves are narrow rows beside it (docs/decisions/168), not part of it.</param>
public sealed record AppraisalStanding(
    Guid Id,
    Guid CycleId,
    Guid EmployeeId,
    string Nip,
    string UnitCode,
    IReadOnlyList<SourceTally> Feedback,
    IReadOnlyList<IndicatorOutcome> Drafted,
    IReadOnlyList<IndicatorOutcome>? Agreed,
    IReadOnlyList<CurrentRealisation> Realisations,
    EvaluationStatus? EvaluationStatus = null,
    Predikat? Predikat = null,
    bool Excused = false,
    PerformanceScore? Score = null,
    string? ScoreWeightsVersion = null,
    int PublicReceived = 0)
{
    public static AppraisalStanding Opened(AppraisalOpened o) => new(o.AppraisalId, o.CycleId, o.EmployeeId, o.Nip, o.UnitCode, [], [], null, []);

    /// <summary>Ranking key, stored as a column: the final predikat's class (0 = Sangat Baik, best); null until final, or when excused.</summary>
    public int? RankClass => !Excused && EvaluationStatus == Domain.Appraisals.EvaluationStatus.Approved ? (int?)Predikat : null;

    /// <summary>Ranking key within a class, stored as a column: the score; null when not ranked.</summary>
    public decimal? RankScore => RankClass is null ? null : Score?.Value ?? 0m;

    /// <summary>Tie-break between equal scores, stored as a column: the results points; null when not ranked.</summary>
    public decimal? RankResults => RankClass is null ? null : Score?.ResultsPoints ?? 0m;

    /// <summary>A plan's indicators with no value achieved yet.</summary>
    public static IReadOnlyList<IndicatorOutcome> Indicators(Plan plan) =>
        [.. plan.Rows.SelectMany(row => row.Indicators.Select(i => new IndicatorOutcome(row.Key, row.Kind, i.Key, i.Aspect, i.Target.Value, null)))];

    /// <summary>
    /// Each agreed indicator with the value of its latest current realisation (by achieved date, then recording time): what the
    /// score and the strengths rule measure. The one definition, used by the record as well.
    /// </summary>
    public static IReadOnlyList<IndicatorOutcome> Outcomes(IEnumerable<IndicatorOutcome> agreed, IEnumerable<CurrentRealisation> current)
    {
        var byIndicator = current.ToLookup(r => r.IndicatorKey);
        return [.. agreed.Select(i => i with { Realised = Latest(byIndicator[i.IndicatorKey])?.Value })];
    }

    /// <summary>The realisation an indicator's achievement is read from: the latest achieved, then the latest recorded.</summary>
    public static CurrentRealisation? Latest(IEnumerable<CurrentRealisation> current) =>
        current.OrderBy(r => r.AchievedOn).ThenBy(r => r.RecordedAt).LastOrDefault();

    /// <summary>The score once a plan is agreed: what there is to measure against.</summary>
    /// <param name="current">The weights in force; a final evaluation keeps the weights pinned at its approval when they are known.</param>
    public PerformanceScore? ScoredWith(ScoreWeights current) => Agreed is null ? null : PerformanceScore.Compute(
        ScoreWeightsVersion is { } pinned ? ScoreWeightSets.ByVersion(pinned) ?? current : current,
        Outcomes(Agreed, Realisations),
        [.. Feedback.Select(t => new SourceFeedback(t.Source, t.Count, t.Values.Sum(v => v.Sum), t.Values.Sum(v => v.Count)))]);
}
