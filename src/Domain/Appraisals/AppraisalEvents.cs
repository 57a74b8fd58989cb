namespace Kinerja.Domain.Appraisals;

/// <summary>
/// One appraisal per employee per cycle. The rater (pejabat penilai) and approver (atasan pejabat
/// penilai) are the registry's superiors on <paramref name="ResolvedOn"/>, stored so that later
/// changes in the registry do not silently change who rated.
/// </summary>
public sealed record AppraisalOpened(
    Guid AppraisalId,
    Guid CycleId,
    Guid EmployeeId,
    string Nip,
    string UnitCode,
    Guid RaterId,
    string RaterNip,
    Guid? ApproverId,
    string? ApproverNip,
    DateOnly ResolvedOn,
    DateTimeOffset OpenedAt) : IEmployeeEvent;

/// <summary>The rater resolved again from the registry (e.g. after a transfer during the period).</summary>
public sealed record RaterReassigned(
    Guid AppraisalId,
    Guid RaterId,
    string RaterNip,
    Guid? ApproverId,
    string? ApproverNip,
    DateOnly ResolvedOn,
    DateTimeOffset ReassignedAt);

/// <summary>The full content of plan version <paramref name="Version"/>; a later draft of the same version replaces it.</summary>
public sealed record PlanDrafted(Guid AppraisalId, int Version, Plan Plan, DateTimeOffset DraftedAt);

public sealed record PlanSubmitted(Guid AppraisalId, int Version, DateTimeOffset SubmittedAt);

/// <summary>The rater sent the version back in the dialog kinerja, saying what to change.</summary>
public sealed record PlanReturned(Guid AppraisalId, int Version, string Comments, Actor By, DateTimeOffset ReturnedAt);

/// <summary>From here the version is immutable; a change makes the next version.</summary>
public sealed record PlanAgreed(Guid AppraisalId, int Version, Actor By, DateTimeOffset AgreedAt);

public sealed record RealisationRecorded(
    Guid AppraisalId,
    Guid RealisationId,
    string IndicatorKey,
    decimal Value,
    Evidence Evidence,
    DateOnly AchievedOn,
    DateTimeOffset RecordedAt) : IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => AchievedOn;
}

/// <summary>A new realisation that supersedes <paramref name="CorrectsId"/>; the corrected one stays in the history.</summary>
public sealed record RealisationCorrected(
    Guid AppraisalId,
    Guid RealisationId,
    Guid CorrectsId,
    string IndicatorKey,
    decimal Value,
    Evidence Evidence,
    DateOnly AchievedOn,
    string Reason,
    DateTimeOffset CorrectedAt);

public sealed record FeedbackGiven(
    Guid AppraisalId,
    Guid FeedbackId,
    FeedbackSource Source,
    Guid GiverId,
    IReadOnlyDictionary<BerAkhlak, int> Scores,
    string? Comment,
    DateTimeOffset GivenAt,
    ReplacedResponse? Replaces = null);

/// <summary>
/// Anonymous: the respondent group and the portal's submission id, never who the respondent is (UU PDP). When the portal
/// names its respondent, <see cref="Respondent"/> is that id hashed with the appraisal (<see cref="Feedback.Respondent"/>), and a
/// later response of the same respondent <see cref="Replaces"/> the earlier one in the tallies. <see cref="Comment"/> is stored
/// as masked: <see cref="Masked"/> says what personal data was taken out, by <see cref="MaskingRule"/> (<see cref="CommentMasking"/>).
/// </summary>
public sealed record PublicFeedbackReceived(
    Guid AppraisalId,
    string SubmissionId,
    RespondentGroup RespondentGroup,
    IReadOnlyDictionary<BerAkhlak, int> Scores,
    string? Comment,
    DateTimeOffset ReceivedAt,
    string? Respondent = null,
    ReplacedResponse? Replaces = null,
    IReadOnlyList<string>? Masked = null,
    string? MaskingRule = null);

/// <summary>The rater's assessment of one SKP row (optional, free text).</summary>
public sealed record RowAssessment(string RowKey, string Assessment);

/// <summary>
/// The rater's evaluation: the two ratings, the predikat they give and the version of the reference
/// table that produced it, so a later table never silently changes a past verdict. A resubmission
/// after a return replaces the previous one. <c>UnrealisedJustification</c>: why results are above expectations with nothing
/// realised; <c>HeadOfUnit</c>, <c>UnitResult</c> and <c>UnitHeadRuleVersion</c>: the unit result a head's results rating followed.
/// </summary>
public sealed record EvaluationSubmitted(
    Guid AppraisalId,
    Evaluations.Rating Results,
    Evaluations.Rating Behaviour,
    IReadOnlyList<RowAssessment> RowAssessments,
    string Justification,
    Evaluations.Predikat Predikat,
    string PredikatTableVersion,
    Guid EvaluatedBy,
    DateTimeOffset SubmittedAt,
    string? UnrealisedJustification = null,
    string? HeadOfUnit = null,
    Evaluations.UnitResult? UnitResult = null,
    string? UnitHeadRuleVersion = null);

/// <summary>The rater's superior sent the evaluation back to the rater, saying why.</summary>
public sealed record EvaluationReturned(Guid AppraisalId, string Comments, Actor By, DateTimeOffset ReturnedAt);

/// <summary>
/// The rater's superior approved the evaluation: from here it is final. <c>ScoreWeightsVersion</c> pins the score's weights
/// in force then, so a later change of weights and a rebuild leave a final score as it was (ADR 086).
/// </summary>
public sealed record EvaluationApproved(Guid AppraisalId, Evaluations.Predikat Predikat, Actor By, DateTimeOffset ApprovedAt, string? ScoreWeightsVersion = null);

/// <summary>hr-admin excused the appraisal from evaluation (e.g. long leave), so the cycle can close without it.</summary>
public sealed record AppraisalExcused(Guid AppraisalId, string Reason, Actor By, DateTimeOffset ExcusedAt);

/// <summary>The rater's ekspektasi khusus pimpinan per BerAKHLAK value, replacing any set before.</summary>
public sealed record ExpectationsSet(Guid AppraisalId, IReadOnlyDictionary<BerAkhlak, string> Expectations, Actor By, DateTimeOffset SetAt);
