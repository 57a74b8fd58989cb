namespace Kinerja.Application.Integration;

/// <summary>
/// The payload record of each published type (version 1), so the OpenAPI document can describe the feed's items as a union
/// keyed by <c>type</c> and a portal's generated client knows each payload's shape. A test holds it to <see cref="IntegrationEventTypes.All"/>.
/// </summary>
public static class IntegrationEventPayloads
{
    public static readonly IReadOnlyDictionary<string, Type> V1 = new Dictionary<string, Type>
    {
        [IntegrationEventTypes.EmployeeRegistered] = typeof(EmployeeRegisteredV1),
        [IntegrationEventTypes.EmployeeTransferred] = typeof(EmployeeTransferredV1),
        [IntegrationEventTypes.EmployeeSupervisorChanged] = typeof(EmployeeSupervisorChangedV1),
        [IntegrationEventTypes.EmployeeNipCorrected] = typeof(EmployeeNipCorrectedV1),
        [IntegrationEventTypes.EmployeeActingOfficialAssigned] = typeof(EmployeeActingOfficialAssignedV1),
        [IntegrationEventTypes.EmployeeContractRecorded] = typeof(EmployeeContractRecordedV1),
        [IntegrationEventTypes.EmployeeEmploymentEnded] = typeof(EmployeeEmploymentEndedV1),
        [IntegrationEventTypes.EmployeeCompetencyAssessed] = typeof(CompetencyAssessedV1),
        [IntegrationEventTypes.UnitRegistered] = typeof(UnitRegisteredV1),
        [IntegrationEventTypes.UnitRenamed] = typeof(UnitRenamedV1),
        [IntegrationEventTypes.UnitHeadAssigned] = typeof(UnitHeadAssignedV1),
        [IntegrationEventTypes.CycleCreated] = typeof(CycleCreatedV1),
        [IntegrationEventTypes.CycleStarted] = typeof(CycleStartedV1),
        [IntegrationEventTypes.CycleEvaluationBegan] = typeof(CycleEvaluationBeganV1),
        [IntegrationEventTypes.CycleClosed] = typeof(CycleClosedV1),
        [IntegrationEventTypes.UnitResultRecorded] = typeof(UnitResultRecordedV1),
        [IntegrationEventTypes.AppraisalOpened] = typeof(AppraisalOpenedV1),
        [IntegrationEventTypes.RaterReassigned] = typeof(RaterReassignedV1),
        [IntegrationEventTypes.PlanSubmitted] = typeof(PlanSubmittedV1),
        [IntegrationEventTypes.PlanReturned] = typeof(PlanReturnedV1),
        [IntegrationEventTypes.PlanAgreed] = typeof(PlanAgreedV1),
        [IntegrationEventTypes.RealisationRecorded] = typeof(RealisationRecordedV1),
        [IntegrationEventTypes.RealisationCorrected] = typeof(RealisationCorrectedV1),
        [IntegrationEventTypes.EvaluationSubmitted] = typeof(EvaluationSubmittedV1),
        [IntegrationEventTypes.EvaluationReturned] = typeof(EvaluationReturnedV1),
        [IntegrationEventTypes.EvaluationFinalised] = typeof(EvaluationFinalisedV1),
        [IntegrationEventTypes.AppraisalExcused] = typeof(AppraisalExcusedV1),
        [IntegrationEventTypes.ExpectationsSet] = typeof(ExpectationsSetV1),
        [IntegrationEventTypes.GrantRequested] = typeof(GrantRequestedV1),
        [IntegrationEventTypes.GrantApproved] = typeof(GrantApprovedV1),
        [IntegrationEventTypes.GrantRejected] = typeof(GrantRejectedV1),
        [IntegrationEventTypes.GrantScheduled] = typeof(GrantScheduledV1),
        [IntegrationEventTypes.GrantCompleted] = typeof(GrantCompletedV1),
        [IntegrationEventTypes.GrantCancelled] = typeof(GrantCancelledV1),
        [IntegrationEventTypes.AwardGranted] = typeof(AwardGrantedV1),
        [IntegrationEventTypes.SupportPlanRecorded] = typeof(SupportPlanRecordedV1),
        [IntegrationEventTypes.SupportPlanCompleted] = typeof(SupportPlanCompletedV1),
    };
}
