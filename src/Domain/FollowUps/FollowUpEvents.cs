using Kinerja.Domain.Evaluations;

namespace Kinerja.Domain.FollowUps;

/// <summary>Penghargaan (award) kinds BKPSDM grants after an appraisal.</summary>
public enum AwardKind { Piagam, Satyalancana, KesempatanPelatihan }

/// <summary>Support for a predikat below Baik (tindak lanjut).</summary>
public enum SupportKind { Coaching, Counselling, Training }

// Explicit interface members are not serialised: the stored contract stays as declared.

/// <summary>
/// hr-admin recorded an award for the employee's final appraisal of the cycle, with the predikat and score that
/// made them a candidate; <paramref name="OverrideReason"/> says why when they were not in the top of their unit.
/// </summary>
public sealed record AwardGranted(
    Guid FollowUpId,
    Guid EmployeeId,
    Guid CycleId,
    string UnitCode,
    AwardKind Kind,
    string Citation,
    DateOnly GrantedOn,
    Predikat Predikat,
    decimal? Score,
    int RankInUnit,
    string? OverrideReason,
    Actor By,
    DateTimeOffset RecordedAt) : IEmployeeEvent, IEffectiveDated
{
    DateOnly IEffectiveDated.EffectiveDate => GrantedOn;
}

/// <summary>hr-admin recorded (or revised) the support plan for an employee flagged as needing support in the cycle.</summary>
public sealed record SupportPlanRecorded(
    Guid FollowUpId,
    Guid EmployeeId,
    Guid CycleId,
    string UnitCode,
    Predikat Predikat,
    IReadOnlyList<SupportKind> Kinds,
    IReadOnlyList<string> Actions,
    Guid ResponsibleId,
    string ResponsibleNip,
    DateOnly ReviewOn,
    Actor By,
    DateTimeOffset RecordedAt) : IEmployeeEvent;
