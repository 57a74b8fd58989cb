namespace Kinerja.Application.Integration;

/// <summary>
/// The public names of integration events: a contract with the HR portal, independent of the
/// internal event types. A name never changes meaning; a payload that must change shape ships as a
/// new version beside the old one. docs/integration-events.md documents each payload.
/// </summary>
public static class IntegrationEventTypes
{
    public const string EmployeeRegistered = "employee.registered";
    public const string EmployeeTransferred = "employee.transferred";
    public const string EmployeeSupervisorChanged = "employee.supervisor-changed";
    public const string EmployeeNipCorrected = "employee.nip-corrected";
    public const string EmployeeEmploymentEnded = "employee.employment-ended";

    // Reserved for the appraisal, training and award modules: named now so subscriptions can ask for them.
    public const string PlanAgreed = "skp.plan-agreed";
    public const string EvaluationFinalised = "appraisal.evaluation-finalised";
    public const string CycleClosed = "appraisal.cycle-closed";
    public const string GrantApproved = "training.grant-approved";
    public const string GrantCompleted = "training.grant-completed";
    public const string AwardGranted = "award.granted";
    public const string SupportPlanRecorded = "support.plan-recorded";

    public static readonly IReadOnlyList<string> All =
    [
        EmployeeRegistered, EmployeeTransferred, EmployeeSupervisorChanged, EmployeeNipCorrected, EmployeeEmploymentEnded,
        PlanAgreed, EvaluationFinalised, CycleClosed, GrantApproved, GrantCompleted, AwardGranted, SupportPlanRecorded,
    ];
}
