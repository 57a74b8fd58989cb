namespace Kinerja.Api.Http;

/// <summary>
/// The API's addresses, in one place for the endpoints' Location headers and for the clients in the tests: the routes are a
/// contract, so a concrete URL is built here rather than spelled again at each use. Each class names its group's pattern
/// (as mapped) and builds the concrete URLs under it.
/// </summary>
public static class Routes
{
    public const string Base = "/api/v1";

    public static class Units
    {
        public const string Group = "/units";
        public const string All = Base + Group;

        public static string One(string code) => $"{All}/{code}";

        public static string Renaming(string code) => $"{One(code)}/renaming";

        public static string HeadAssignments(string code) => $"{One(code)}/head-assignments";

        public static string TrainingBudget(string code, int year) => $"{One(code)}/training-budgets/{year}";

        public static string TrainingBudgetAdjustments(string code, int year) => $"{TrainingBudget(code, year)}/adjustments";

        public static string JpShortfalls(string code) => $"{One(code)}/jp-shortfalls";
    }

    public static class Employees
    {
        public const string Group = "/employees";
        public const string All = Base + Group;

        public const string ContractsEnding = All + "/contracts-ending";

        public static string One(string nip) => $"{All}/{nip}";

        public static string Supervisor(string nip) => $"{One(nip)}/supervisor";

        public static string Subordinates(string nip) => $"{One(nip)}/subordinates";

        public static string Transfers(string nip) => $"{One(nip)}/transfers";

        public static string SupervisorChanges(string nip) => $"{One(nip)}/supervisor-changes";

        public static string ActingOfficials(string nip) => $"{One(nip)}/acting-officials";

        public static string Contracts(string nip) => $"{One(nip)}/contracts";

        public static string NipCorrections(string nip) => $"{One(nip)}/nip-corrections";

        public static string CompetencyAssessments(string nip) => $"{One(nip)}/competency-assessments";

        public static string EmploymentEnding(string nip) => $"{One(nip)}/employment-ending";

        public static string Awards(string nip) => $"{One(nip)}/awards";

        public static string SupportPlans(string nip) => $"{One(nip)}/support-plans";

        public static string SupportPlanCompletion(string nip, Guid cycleId) => $"{SupportPlans(nip)}/{cycleId}/completion";

        public static string FollowUps(string nip) => $"{One(nip)}/follow-ups";

        public static string StrengthsWeaknesses(string nip) => $"{One(nip)}/strengths-weaknesses";

        public static string TrainingNeeds(string nip) => $"{One(nip)}/training-needs";

        public static string JpLedger(string nip) => $"{One(nip)}/jp-ledger";

        public static string PlacementRecommendations(string nip) => $"{One(nip)}/placement-recommendations";
    }

    public static class Imports
    {
        public const string Group = "/imports";
        public const string All = Base + Group;

        public static string One(string id) => $"{All}/{id}";
    }

    public static class Positions
    {
        public const string Group = "/positions";
        public const string All = Base + Group;

        public static string One(string code) => $"{All}/{code}";

        public static string Candidates(string code) => $"{One(code)}/candidates";

        public static string Vacancies(string code) => $"{One(code)}/vacancies";

        public static string Requirements(string code) => $"{One(code)}/requirements";

        public static string Retirement(string code) => $"{One(code)}/retirement";
    }

    public static class Cycles
    {
        public const string Group = "/cycles";
        public const string All = Base + Group;

        public static string One(Guid id) => $"{All}/{id}";

        public static string Start(Guid id) => $"{One(id)}/start";

        public static string Evaluation(Guid id) => $"{One(id)}/evaluation";

        public static string Closure(Guid id) => $"{One(id)}/closure";

        public static string AppraisalOpenings(Guid id) => $"{One(id)}/appraisal-openings";

        public static string Appraisals(Guid id) => $"{One(id)}/appraisals";

        public static string Ranking(Guid id) => $"{One(id)}/ranking";

        public static string TalentGrid(Guid id) => $"{One(id)}/talent-grid";

        public static string AwardCandidates(Guid id) => $"{One(id)}/award-candidates";

        public static string SupportNeeds(Guid id) => $"{One(id)}/support-needs";

        public static string TppBasis(Guid id) => $"{One(id)}/tpp-basis";

        public static string Progress(Guid id) => $"{One(id)}/progress";

        /// <summary>A unit's evaluation results in the cycle: add <c>/result</c>, <c>/distribution</c> and so on.</summary>
        public static string Unit(Guid id, string code) => $"{One(id)}/units/{code}";
    }

    /// <summary>An appraisal is addressed by its cycle and the employee's NIP; the SKP's steps hang below it.</summary>
    public static class Appraisals
    {
        public static string One(Guid cycleId, string nip) => $"{Cycles.Appraisals(cycleId)}/{nip}";
    }

    public static class TrainingPartners
    {
        public const string Group = "/training-partners";
        public const string All = Base + Group;

        public static string One(Guid id) => $"{All}/{id}";

        public static string Amendments(Guid id) => $"{One(id)}/amendments";

        public static string AgreementEnding(Guid id) => $"{One(id)}/agreement-ending";

        public static string CoveredNeeds(Guid id) => $"{One(id)}/covered-needs";
    }

    public static class TrainingGrants
    {
        public const string Group = "/training-grants";
        public const string All = Base + Group;

        public static string One(Guid id) => $"{All}/{id}";

        public static string Approval(Guid id) => $"{One(id)}/approval";

        public static string Completion(Guid id) => $"{One(id)}/completion";

        public static string Cancellation(Guid id) => $"{One(id)}/cancellation";
    }

    /// <summary>The auditors' reads: an employee's event history, its hash chains and its state as of an instant.</summary>
    public static class Audit
    {
        public const string Digests = Base + "/audit/digests";
        public const string DigestVerification = Digests + "/verification";
        public const string LateEntries = Base + "/audit/late-entries";

        public static string History(string nip) => $"{Employee(nip)}/history";

        public static string Verification(string nip) => $"{Employee(nip)}/verification";

        public static string AsOf(string nip) => $"{Employee(nip)}/as-of";

        public static string SeparationOfDuties(Guid cycleId) => $"{Base}/audit/cycles/{cycleId}/separation-of-duties";

        private static string Employee(string nip) => $"{Base}/audit/employees/{nip}";
    }

    /// <summary>Documents issued as PDF, and the check of a printed copy by the hash at its foot.</summary>
    public static class Documents
    {
        public const string Group = "/documents";

        public static string One(string contentHash) => $"{Base}{Group}/{contentHash}";

        public static string Skp(Guid cycleId, string nip) => $"{Appraisals.One(cycleId, nip)}/documents/skp";

        public static string Evaluation(Guid cycleId, string nip) => $"{Appraisals.One(cycleId, nip)}/documents/evaluasi-kinerja";

        public static string PenetapanPredikat(Guid cycleId, string unitCode) => $"{Cycles.Unit(cycleId, unitCode)}/documents/penetapan-predikat";
    }

    public const string Feed = Base + "/feed";

    /// <summary>The caller's own tasks.</summary>
    public const string Worklist = Base + "/worklist";

    public static class WebhookSubscriptions
    {
        public const string Group = "/webhook-subscriptions";
        public const string All = Base + Group;

        public static string One(Guid id) => $"{All}/{id}";
    }
}
