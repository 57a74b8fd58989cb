using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;

using Kinerja.Domain;

namespace Kinerja.Application.Appraisals.GettingAppraisal;

public sealed record PersonView(string Nip, string? FullName);

/// <summary>The rater's RHK a row supports (cascading), with its text as the rater's plan has it now.</summary>
public sealed record SupportsView(string? RaterNip, string RowKey, string? Rhk);

public sealed record PlanRowView(string Key, RowKind Kind, string Rhk, SupportsView? Supports, IReadOnlyList<Indicator> Indicators);

public sealed record PlanView(
    int Version,
    PlanStatus Status,
    IReadOnlyList<PlanRowView> Rows,
    IReadOnlyDictionary<BerAkhlak, string> Expectations,
    DateTimeOffset DraftedAt,
    Actor DraftedBy,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<PlanReturn> Returns,
    DateTimeOffset? AgreedAt,
    Actor? AgreedBy);

public sealed record PlanVersionSummary(int Version, PlanStatus Status, DateTimeOffset DraftedAt, DateTimeOffset? AgreedAt, Actor? AgreedBy);

/// <summary>
/// An indicator of the agreed plan against what was achieved: <see cref="Realised"/> is the value of the
/// latest realisation not superseded by a correction (by achieved date, then recording time); <see cref="PercentOfTarget"/> is the
/// achievement the score uses (<see cref="Achievement"/>), and <see cref="MissingBasis"/> says why there is none.
/// </summary>
public sealed record IndicatorProgress(
    string RowKey, string IndicatorKey, Aspect Aspect, string Iki, Target Target, decimal? Realised, DateOnly? AchievedOn, decimal? PercentOfTarget,
    string? MissingBasis = null);

public sealed record ValueSummary(BerAkhlak Value, int Count, decimal Mean);

/// <summary>Per source: how many gave feedback, count and mean per value; public comments only for hr-admin and auditors (null otherwise).</summary>
public sealed record SourceSummary(
    FeedbackSource Source, int Count, IReadOnlyList<ValueSummary> Values, IReadOnlyList<FeedbackComment>? LatestComments, IReadOnlyList<GroupCount> RespondentGroups);

/// <summary>One appraisal: who rates, the current plan and every version (its expectations are the employee's proposals; the rater's
/// ekspektasi khusus pimpinan are <see cref="LeaderExpectations"/>), realisations against targets, the feedback summary, and the evaluation with its predikat.</summary>
public sealed record AppraisalDetails(
    Guid CycleId,
    CyclePhase CyclePhase,
    PersonView Employee,
    string UnitCode,
    PersonView Rater,
    PersonView? Approver,
    DateOnly RaterResolvedOn,
    AppraisalStatus Status,
    int? AgreedVersion,
    PlanView? Plan,
    IReadOnlyList<PlanVersionSummary> PlanVersions,
    IReadOnlyList<IndicatorProgress> Progress,
    IReadOnlyList<RealisationEntry> Realisations,
    IReadOnlyList<SourceSummary> Feedback,
    EvaluationRecord? Evaluation,
    Excusal? Excusal,
    PerformanceScore? Score,
    LeaderExpectations? LeaderExpectations);

public static class AppraisalViews
{
    public static IReadOnlyList<IndicatorProgress> Progress(AppraisalRecord record) =>
        [.. record.AgreedIndicators().Select(x =>
        {
            var target = x.Indicator.Target.Value;
            decimal? percent = Achievement.Ratio(x.Indicator.Aspect, target, x.Latest?.Value) is { } ratio ? Math.Round(ratio * 100, 1) : null;
            return new IndicatorProgress(x.Row.Key, x.Indicator.Key, x.Indicator.Aspect, x.Indicator.Iki, x.Indicator.Target, x.Latest?.Value, x.Latest?.AchievedOn, percent,
                Achievement.MissingBasis(target, x.Latest?.Value));
        })];

    public static IReadOnlyList<SourceSummary> Feedback(AppraisalRecord record, bool showsPublicComments) =>
        [.. record.Feedback.OrderBy(t => t.Source).Select(t => new SourceSummary(
            t.Source,
            t.Count,
            [.. t.Values.OrderBy(v => v.Value).Select(v => new ValueSummary(v.Value, v.Count, Math.Round((decimal)v.Sum / v.Count, 2, MidpointRounding.AwayFromZero)))],
            t.Source != FeedbackSource.Public || showsPublicComments ? t.LatestComments : null,
            t.Groups))];

    public static PlanView Plan(PlanVersionRecord version, IReadOnlyDictionary<Guid, AppraisalRecord> supported) => new(
        version.Version,
        version.Status,
        [.. version.Plan.Rows.Select(row => new PlanRowView(row.Key, row.Kind, row.Rhk, Supports(row.Supports, supported), row.Indicators))],
        version.Plan.Expectations,
        version.DraftedAt,
        version.DraftedBy,
        version.SubmittedAt,
        version.Returns,
        version.AgreedAt,
        version.AgreedBy);

    private static SupportsView? Supports(SupportedRhk? supports, IReadOnlyDictionary<Guid, AppraisalRecord> supported) =>
        supports is null ? null : supported.GetValueOrDefault(supports.AppraisalId) is var rater
            ? new SupportsView(rater?.Nip, supports.RowKey, rater?.PlanVersions.LastOrDefault()?.Plan.Rows.FirstOrDefault(r => r.Key == supports.RowKey)?.Rhk)
            : null;
}
