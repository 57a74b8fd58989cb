namespace Kinerja.Application.Integration;

/// <summary>
/// The public names of integration events: a contract with the HR portal, independent of the
/// internal event types. A name never changes meaning; a payload that must change shape ships as a
/// new version beside the old one. docs/integration-events.md documents each payload.
/// </summary>
public static class IntegrationEventTypes
{
    /// <summary>The contract's edition (docs/integration-events.md): it grows when types or envelope fields are added.</summary>
    public const string ContractVersion = "2026-12";

    public const string EmployeeRegistered = "employee.registered";
    public const string EmployeeTransferred = "employee.transferred";
    public const string EmployeeSupervisorChanged = "employee.supervisor-changed";
    public const string EmployeeNipCorrected = "employee.nip-corrected";
    public const string EmployeeActingOfficialAssigned = "employee.acting-official-assigned";
    public const string EmployeeContractRecorded = "employee.contract-recorded";
    public const string EmployeeEmploymentEnded = "employee.employment-ended";
    public const string EmployeeCompetencyAssessed = "employee.competency-assessed";

    public const string UnitRegistered = "unit.registered";
    public const string UnitRenamed = "unit.renamed";
    public const string UnitHeadAssigned = "unit.head-assigned";

    public const string CycleCreated = "appraisal.cycle-created";
    public const string CycleStarted = "appraisal.cycle-started";
    public const string CycleEvaluationBegan = "appraisal.cycle-evaluation-began";
    public const string CycleClosed = "appraisal.cycle-closed";
    public const string UnitResultRecorded = "appraisal.unit-result-recorded";

    public const string AppraisalOpened = "appraisal.opened";
    public const string RaterReassigned = "appraisal.rater-reassigned";
    public const string PlanSubmitted = "skp.plan-submitted";
    public const string PlanReturned = "skp.plan-returned";
    public const string PlanAgreed = "skp.plan-agreed";
    public const string RealisationRecorded = "skp.realisation-recorded";
    public const string RealisationCorrected = "skp.realisation-corrected";
    public const string EvaluationSubmitted = "appraisal.evaluation-submitted";
    public const string EvaluationReturned = "appraisal.evaluation-returned";
    public const string EvaluationFinalised = "appraisal.evaluation-finalised";
    public const string AppraisalExcused = "appraisal.excused";
    public const string ExpectationsSet = "skp.expectations-set";

    public const string GrantRequested = "training.grant-requested";
    public const string GrantApproved = "training.grant-approved";
    public const string GrantRejected = "training.grant-rejected";
    public const string GrantScheduled = "training.grant-scheduled";
    public const string GrantCompleted = "training.grant-completed";
    public const string GrantCancelled = "training.grant-cancelled";

    public const string AwardGranted = "award.granted";
    public const string SupportPlanRecorded = "support.plan-recorded";
    public const string SupportPlanCompleted = "support.plan-completed";

    public static readonly IReadOnlyList<string> All =
    [
        EmployeeRegistered, EmployeeTransferred, EmployeeSupervisorChanged, EmployeeNipCorrected, EmployeeEmploymentEnded, EmployeeCompetencyAssessed,
        EmployeeActingOfficialAssigned, EmployeeContractRecorded,
        UnitRegistered, UnitRenamed, UnitHeadAssigned,
        CycleCreated, CycleStarted, CycleEvaluationBegan, CycleClosed, UnitResultRecorded,
        AppraisalOpened, RaterReassigned, PlanSubmitted, PlanReturned, PlanAgreed, RealisationRecorded, RealisationCorrected,
        EvaluationSubmitted, EvaluationReturned, EvaluationFinalised, AppraisalExcused, ExpectationsSet,
        GrantRequested, GrantApproved, GrantRejected, GrantScheduled, GrantCompleted, GrantCancelled,
        AwardGranted, SupportPlanRecorded, SupportPlanCompleted,
    ];
}
