using Kinerja.Api.Http;

namespace Kinerja.UnitTests.Api;

/// <summary>
/// The routes are a contract with the HR portal, and the endpoints' Location headers and the integration tests both build
/// their URLs with <see cref="Routes"/>: so the URLs are pinned here, spelled out, where a change to a builder shows.
/// </summary>
public sealed class RoutesTests
{
    private static readonly Guid Id = Guid.Parse("0193a5c2-7d1e-7000-8000-000000000001");

    [Fact]
    public void Every_builder_spells_the_published_URL()
    {
        const string nip = "198609262015051001";
        var built = new[]
        {
            Routes.Units.All, Routes.Units.One("DISDIK"), Routes.Units.Renaming("DISDIK"), Routes.Units.HeadAssignments("DISDIK"),
            Routes.Units.TrainingBudget("DISDIK", 2026), Routes.Units.TrainingBudgetAdjustments("DISDIK", 2026), Routes.Units.JpShortfalls("DISDIK"),
            Routes.Employees.All, Routes.Employees.One(nip), Routes.Employees.Supervisor(nip), Routes.Employees.Transfers(nip),
            Routes.Employees.SupervisorChanges(nip), Routes.Employees.NipCorrections(nip), Routes.Employees.CompetencyAssessments(nip),
            Routes.Employees.EmploymentEnding(nip), Routes.Employees.Awards(nip), Routes.Employees.SupportPlans(nip), Routes.Employees.FollowUps(nip),
            Routes.Employees.StrengthsWeaknesses(nip), Routes.Employees.TrainingNeeds(nip), Routes.Employees.JpLedger(nip),
            Routes.Employees.PlacementRecommendations(nip),
            Routes.Positions.All, Routes.Positions.One("KABID"), Routes.Positions.Candidates("KABID"), Routes.Positions.Vacancies("KABID"),
            Routes.Positions.Requirements("KABID"), Routes.Positions.Retirement("KABID"),
            Routes.Cycles.All, Routes.Cycles.One(Id), Routes.Cycles.Start(Id), Routes.Cycles.Evaluation(Id), Routes.Cycles.Closure(Id),
            Routes.Cycles.AppraisalOpenings(Id), Routes.Cycles.Appraisals(Id), Routes.Cycles.Ranking(Id), Routes.Cycles.TalentGrid(Id),
            Routes.Cycles.AwardCandidates(Id), Routes.Cycles.SupportNeeds(Id), Routes.Cycles.Unit(Id, "DISDIK"), Routes.Appraisals.One(Id, nip),
            Routes.TrainingGrants.All, Routes.TrainingGrants.One(Id), Routes.TrainingGrants.Approval(Id), Routes.TrainingGrants.Completion(Id),
            Routes.TrainingGrants.Cancellation(Id), Routes.WebhookSubscriptions.All, Routes.WebhookSubscriptions.One(Id),
            Routes.Audit.Digests, Routes.Audit.LateEntries, Routes.Audit.History(nip), Routes.Audit.Verification(nip), Routes.Audit.AsOf(nip),
            Routes.Audit.SeparationOfDuties(Id), Routes.Feed,
        };

        built.Should().Equal(
            "/api/v1/units", "/api/v1/units/DISDIK", "/api/v1/units/DISDIK/renaming", "/api/v1/units/DISDIK/head-assignments",
            "/api/v1/units/DISDIK/training-budgets/2026", "/api/v1/units/DISDIK/training-budgets/2026/adjustments", "/api/v1/units/DISDIK/jp-shortfalls",
            "/api/v1/employees", $"/api/v1/employees/{nip}", $"/api/v1/employees/{nip}/supervisor", $"/api/v1/employees/{nip}/transfers",
            $"/api/v1/employees/{nip}/supervisor-changes", $"/api/v1/employees/{nip}/nip-corrections", $"/api/v1/employees/{nip}/competency-assessments",
            $"/api/v1/employees/{nip}/employment-ending", $"/api/v1/employees/{nip}/awards", $"/api/v1/employees/{nip}/support-plans",
            $"/api/v1/employees/{nip}/follow-ups", $"/api/v1/employees/{nip}/strengths-weaknesses", $"/api/v1/employees/{nip}/training-needs",
            $"/api/v1/employees/{nip}/jp-ledger", $"/api/v1/employees/{nip}/placement-recommendations",
            "/api/v1/positions", "/api/v1/positions/KABID", "/api/v1/positions/KABID/candidates", "/api/v1/positions/KABID/vacancies",
            "/api/v1/positions/KABID/requirements", "/api/v1/positions/KABID/retirement",
            "/api/v1/cycles", $"/api/v1/cycles/{Id}", $"/api/v1/cycles/{Id}/start", $"/api/v1/cycles/{Id}/evaluation", $"/api/v1/cycles/{Id}/closure",
            $"/api/v1/cycles/{Id}/appraisal-openings", $"/api/v1/cycles/{Id}/appraisals", $"/api/v1/cycles/{Id}/ranking", $"/api/v1/cycles/{Id}/talent-grid",
            $"/api/v1/cycles/{Id}/award-candidates", $"/api/v1/cycles/{Id}/support-needs", $"/api/v1/cycles/{Id}/units/DISDIK",
            $"/api/v1/cycles/{Id}/appraisals/{nip}",
            "/api/v1/training-grants", $"/api/v1/training-grants/{Id}", $"/api/v1/training-grants/{Id}/approval", $"/api/v1/training-grants/{Id}/completion",
            $"/api/v1/training-grants/{Id}/cancellation", "/api/v1/webhook-subscriptions", $"/api/v1/webhook-subscriptions/{Id}",
            "/api/v1/audit/digests", "/api/v1/audit/late-entries", $"/api/v1/audit/employees/{nip}/history", $"/api/v1/audit/employees/{nip}/verification",
            $"/api/v1/audit/employees/{nip}/as-of", $"/api/v1/audit/cycles/{Id}/separation-of-duties", "/api/v1/feed");
    }

    [Fact]
    public void The_report_and_document_builders_spell_their_published_URLs()
    {
        const string nip = "198609262015051001";
        const string hash = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
        new[]
        {
            Routes.Audit.DigestVerification, Routes.Cycles.TppBasis(Id), Routes.Documents.Skp(Id, nip), Routes.Documents.Evaluation(Id, nip),
            Routes.Documents.PenetapanPredikat(Id, "DISDIK"), Routes.Documents.One(hash),
        }.Should().Equal(
            "/api/v1/audit/digests/verification", $"/api/v1/cycles/{Id}/tpp-basis", $"/api/v1/cycles/{Id}/appraisals/{nip}/documents/skp",
            $"/api/v1/cycles/{Id}/appraisals/{nip}/documents/evaluasi-kinerja", $"/api/v1/cycles/{Id}/units/DISDIK/documents/penetapan-predikat",
            $"/api/v1/documents/{hash}");
    }
}
