using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

/// <summary>
/// Jalur pengembangan kompetensi: pelatihan (training) in a classroom or not, pendidikan (a study
/// assignment, tugas belajar), coaching and mentoring.
/// </summary>
public enum TrainingTrack { PelatihanKlasikal, PelatihanNonKlasikal, PendidikanTugasBelajar, Coaching, Mentoring }

public enum FundingSource { UnitBudget, Partner }

/// <summary>
/// Who pays: the unit's training budget, or a registered partner (an education institution or another body) outside it.
/// <see cref="Partner"/> is the partner's name as the grant was requested; grants requested before partners were registered
/// named one in free text only and have no <see cref="PartnerId"/>.
/// </summary>
public sealed record Funding(FundingSource Source, string? Partner, Guid? PartnerId = null);

/// <summary>What the grant answers; the law asks training plans to follow from competency and performance gaps.</summary>
public enum GrantBasis { CompetencyGap, PerformanceGap, TalentDevelopment, Other }

public enum ReferenceKind { Appraisal, Weakness, SupportFlag, NineBoxRecommendation, TrainingNeed }

/// <summary>A link to the record behind a reason, stored as given: appraisals and talent reviews live in modules that may not exist yet.</summary>
public sealed record ReasonReference(ReferenceKind Kind, string Id);

public sealed record GrantReason(GrantBasis Basis, string Text, IReadOnlyList<ReasonReference> References);

public enum GrantStatus { Requested, Approved, Rejected, Scheduled, Completed, Cancelled }

public sealed record TrainingSchedule(DateOnly StartsOn, DateOnly EndsOn);

public sealed record TrainingCompletion(
    DateOnly CompletedOn, int AttendedJp, long ActualCost, string? CertificateReference, CompetencyLevel? NewCompetencyLevel);
