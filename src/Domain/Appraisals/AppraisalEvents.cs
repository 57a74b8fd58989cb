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
public sealed record PlanReturned(Guid AppraisalId, int Version, string Comments, string By, DateTimeOffset ReturnedAt);

/// <summary>From here the version is immutable; a change makes the next version.</summary>
public sealed record PlanAgreed(Guid AppraisalId, int Version, string By, DateTimeOffset AgreedAt);

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
    DateTimeOffset GivenAt);

/// <summary>Anonymous: the respondent group and the portal's submission id, never who the respondent is (UU PDP).</summary>
public sealed record PublicFeedbackReceived(
    Guid AppraisalId,
    string SubmissionId,
    RespondentGroup RespondentGroup,
    IReadOnlyDictionary<BerAkhlak, int> Scores,
    string? Comment,
    DateTimeOffset ReceivedAt);
