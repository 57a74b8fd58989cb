using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Documents;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Integration;

/// <summary>
/// Event types that are deliberately not published, each with the reason. Every stored event type is either
/// mapped by one of <see cref="IntegrationEventMappings.All"/> or listed here: a contract test fails on one that
/// is neither, so a new event type cannot slip past the feed unnoticed (docs/decisions/076).
/// </summary>
public static class InternalEvents
{
    private const string Feedback =
        "360-degree and public feedback are confidential inputs to the rater (public respondents are anonymous, UU PDP); "
        + "what a mirror keeps is the evaluation they lead to";

    private const string Budget =
        "a unit's training budget is BKPSDM's own bookkeeping and records nothing about an employee; the grant events carry what a mirror keeps";

    private const string Ledger =
        "the JP ledger is derived from grant approval, completion and cancellation, which are published";

    private const string Partners =
        "a training partner's agreement and the seats its grants take are BKPSDM's own reference data for deciding grants; "
        + "the grants they fund are published by their own events";

    private const string Positions =
        "the jabatan catalogue (required competencies, vacancies) is reference data for this service's talent matching; "
        + "an employee's position travels in employee.registered and employee.transferred";

    public static readonly IReadOnlyDictionary<Type, string> Reasons = new Dictionary<Type, string>
    {
        [typeof(PlanDrafted)] = "a draft is work in progress inside the dialog kinerja; its submission, return and agreement are published",
        [typeof(FeedbackGiven)] = Feedback,
        [typeof(PublicFeedbackReceived)] = Feedback,
        [typeof(DistributionBreachJustified)] =
            "answers the distribution guidance for BKPSDM and auditors; it changes neither a predikat nor the unit's result",
        [typeof(TrainingBudgetSet)] = Budget,
        [typeof(TrainingBudgetAdjusted)] = Budget,
        [typeof(TrainingFundsReserved)] = Budget,
        [typeof(TrainingFundsReleased)] = Budget,
        [typeof(TrainingFundsSpent)] = Budget,
        [typeof(JpPlanned)] = Ledger,
        [typeof(JpPlanWithdrawn)] = Ledger,
        [typeof(JpCompleted)] = Ledger,
        [typeof(TrainingPartnerRegistered)] = Partners,
        [typeof(TrainingPartnerAmended)] = Partners,
        [typeof(TrainingPartnerAgreementEnded)] = Partners,
        [typeof(TrainingPartnerSeatTaken)] = Partners,
        [typeof(TrainingPartnerSeatReleased)] = Partners,
        [typeof(PositionRegistered)] = Positions,
        [typeof(PositionRequirementsChanged)] = Positions,
        [typeof(PositionVacanciesChanged)] = Positions,
        [typeof(PositionRetired)] = Positions,
        [typeof(DocumentIssued)] =
            "records that a PDF with this content hash was issued, so a printed copy can be checked; the facts it prints are published by their own events",
    };
}
