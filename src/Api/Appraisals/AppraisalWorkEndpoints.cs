using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.CorrectingRealisation;
using Kinerja.Application.Appraisals.DraftingPlan;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Appraisals.GivingFeedback;
using Kinerja.Application.Appraisals.RecordingRealisation;
using Kinerja.Application.Appraisals.AgreeingPlan;
using Kinerja.Application.Appraisals.ReturningPlan;
using Kinerja.Application.Appraisals.SettingExpectations;
using Kinerja.Application.Appraisals.SubmittingPlan;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Api.Appraisals;

public sealed record DraftPlanRequest(IReadOnlyList<PlanRowInput> Rows, IReadOnlyDictionary<BerAkhlak, string>? Expectations);

public sealed record AgreePlanRequest(int? Version);

public sealed record ReturnPlanRequest(int? Version, string Comments);

public sealed record SetExpectationsRequest(IReadOnlyDictionary<BerAkhlak, string>? Expectations);

public sealed record RecordRealisationRequest(string IndicatorKey, decimal? Value, Evidence Evidence, DateOnly? AchievedOn);

public sealed record CorrectRealisationRequest(decimal? Value, Evidence Evidence, DateOnly? AchievedOn, string Reason);

public sealed record GiveFeedbackRequest(FeedbackSource? Source, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment, string? GiverNip);

public sealed record PublicFeedbackRequest(
    string SubmissionId, RespondentGroup? RespondentGroup, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment, string? RespondentId = null,
    IReadOnlyList<string>? PersonalNames = null);

public sealed record FeedbackAccepted(Guid Id, FeedbackSource Source);

/// <summary>The SKP and its dialog, realisations and internal feedback: writes whose finer rules (owner, rater) the use cases check.</summary>
public static partial class AppraisalEndpoints
{
    private static GetPlan LatestPlan(AppraisalRoute at, Written written) => new(at.CycleId, at.Nip, null);

    private static void MapPlan(this RouteGroupBuilder appraisals)
    {
        appraisals.MapRead("/{nip}/plan", (AppraisalRoute at) => new GetPlan(at.CycleId, at.Nip, null))
            .WithSummary("The latest plan version (draft, submitted, returned or agreed).");
        appraisals.MapRead("/{nip}/plan/versions/{version:int}", (PlanVersionRoute at) => new GetPlan(at.CycleId, at.Nip, at.Version))
            .WithSummary("Any plan version, as it stands; agreed versions never change.");

        appraisals.MapCommand("/{nip}/plan/drafts", (AppraisalRoute at, DraftPlanRequest body) => new DraftPlan(at.CycleId, at.Nip, body.Rows, body.Expectations), LatestPlan)
            .WithSummary("Save the draft (employee or hr-admin). After agreement a change starts the next version, which needs agreement again. Accepts If-Match.");
        appraisals.MapCommand("/{nip}/plan/submission", (AppraisalRoute at) => new SubmitPlan(at.CycleId, at.Nip), LatestPlan)
            .WithSummary("Submit the draft to the rater (employee or hr-admin). Accepts If-Match.");
        appraisals.MapCommand("/{nip}/plan/agreement", (AppraisalRoute at, AgreePlanRequest body) => new AgreePlan(at.CycleId, at.Nip, body.Version), LatestPlan)
            .WithSummary("The rater agrees the submitted version (dialog kinerja). Accepts If-Match.");
        appraisals.MapCommand("/{nip}/plan/return", (AppraisalRoute at, ReturnPlanRequest body) => new ReturnPlan(at.CycleId, at.Nip, body.Version, body.Comments), LatestPlan)
            .WithSummary("The rater returns the submitted version with comments. Accepts If-Match.");
        appraisals.MapCommand("/{nip}/expectations", (AppraisalRoute at, SetExpectationsRequest body) => new SetExpectations(at.CycleId, at.Nip, body.Expectations), Appraisal)
            .WithSummary("The rater writes the ekspektasi khusus pimpinan per BerAKHLAK value, replacing earlier ones; the plan's are the employee's proposals.");
    }

    private static void MapWork(this RouteGroupBuilder appraisals)
    {
        appraisals.MapCommand("/{nip}/realisations", (AppraisalRoute at, RecordRealisationRequest body) =>
                new RecordRealisation(at.CycleId, at.Nip, body.IndicatorKey, body.Value, body.Evidence, body.AchievedOn), Realisation, RealisationLocation, created: true)
            .WithSummary("Record a realisation for an indicator of the agreed plan, with evidence (employee or hr-admin).");

        appraisals.MapRead("/{nip}/realisations/{id:guid}", (RealisationRoute at) => new GetRealisation(at.CycleId, at.Nip, at.Id))
            .WithSummary("One realisation; correctedBy names the correction that superseded it.");

        appraisals.MapCommand("/{nip}/realisations/{id:guid}/corrections", (RealisationRoute at, CorrectRealisationRequest body) =>
                new CorrectRealisation(at.CycleId, at.Nip, at.Id, body.Value, body.Evidence, body.AchievedOn, body.Reason),
                (at, written) => Realisation(at.Appraisal, written), (at, written) => RealisationLocation(at.Appraisal, written), created: true)
            .WithSummary("Correct a realisation: a new one that names the one it supersedes; nothing is overwritten.");

        appraisals.MapCommand("/{nip}/feedback", (AppraisalRoute at, GiveFeedbackRequest body) =>
                new GiveFeedback(at.CycleId, at.Nip, body.Source, body.Scores, body.Comment, body.GiverNip),
                (_, body, written) => new FeedbackAccepted(Guid.Parse(written.Key), body.Source!.Value))
            .WithSummary("Continuous feedback, scores 1-5 per BerAKHLAK value: from the rater, a peer, a subordinate or the employee (self), in their own name; "
                + "hr-admin names the giver.");
    }

    private static GetRealisation Realisation(AppraisalRoute at, Written written) => new(at.CycleId, at.Nip, Guid.Parse(written.Key));

    private static string RealisationLocation(AppraisalRoute at, Written written) => $"{Routes.Appraisals.One(at.CycleId, at.Nip)}/realisations/{written.Key}";
}

public sealed record PlanVersionRoute(Guid CycleId, string Nip, int Version);

/// <summary>A realisation of the appraisal a route addresses.</summary>
public sealed record RealisationRoute(Guid CycleId, string Nip, Guid Id)
{
    public AppraisalRoute Appraisal => new(CycleId, Nip);
}
