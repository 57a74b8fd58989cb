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
        appraisals.MapGet("/{nip}/plan", CommandRoutes.Read((AppraisalRoute at) => new GetPlan(at.CycleId, at.Nip, null)).Handle)
            .WithSummary("The latest plan version (draft, submitted, returned or agreed).");
        appraisals.MapGet("/{nip}/plan/versions/{version:int}", CommandRoutes.Read((PlanVersionRoute at) => new GetPlan(at.CycleId, at.Nip, at.Version)).Handle)
            .WithSummary("Any plan version, as it stands; agreed versions never change.");

        appraisals.MapPost("/{nip}/plan/drafts", CommandRoutes.Command((AppraisalRoute at, DraftPlanRequest body) => new DraftPlan(at.CycleId, at.Nip, body.Rows, body.Expectations), LatestPlan).Handle)
            .WithSummary("Save the draft (employee or hr-admin). After agreement a change starts the next version, which needs agreement again. Accepts If-Match.");
        appraisals.MapPost("/{nip}/plan/submission", CommandRoutes.Command((AppraisalRoute at) => new SubmitPlan(at.CycleId, at.Nip), LatestPlan).Handle)
            .WithSummary("Submit the draft to the rater (employee or hr-admin). Accepts If-Match.");
        appraisals.MapPost("/{nip}/plan/agreement", CommandRoutes.Command((AppraisalRoute at, AgreePlanRequest body) => new AgreePlan(at.CycleId, at.Nip, body.Version), LatestPlan).Handle)
            .WithSummary("The rater agrees the submitted version (dialog kinerja). Accepts If-Match.");
        appraisals.MapPost("/{nip}/plan/return", CommandRoutes.Command((AppraisalRoute at, ReturnPlanRequest body) => new ReturnPlan(at.CycleId, at.Nip, body.Version, body.Comments), LatestPlan).Handle)
            .WithSummary("The rater returns the submitted version with comments. Accepts If-Match.");
        appraisals.MapPost("/{nip}/expectations", CommandRoutes.Command((AppraisalRoute at, SetExpectationsRequest body) => new SetExpectations(at.CycleId, at.Nip, body.Expectations), Appraisal).Handle)
            .WithSummary("The rater writes the ekspektasi khusus pimpinan per BerAKHLAK value, replacing earlier ones; the plan's are the employee's proposals.");
    }

    private static void MapWork(this RouteGroupBuilder appraisals)
    {
        appraisals.MapPost("/{nip}/realisations", CommandRoutes.Command((AppraisalRoute at, RecordRealisationRequest body) =>
                new RecordRealisation(at.CycleId, at.Nip, body.IndicatorKey, body.Value, body.Evidence, body.AchievedOn), Realisation, RealisationLocation).HandleCreation)
            .WithSummary("Record a realisation for an indicator of the agreed plan, with evidence (employee or hr-admin).");

        appraisals.MapGet("/{nip}/realisations/{id:guid}", CommandRoutes.Read((RealisationRoute at) => new GetRealisation(at.CycleId, at.Nip, at.Id)).Handle)
            .WithSummary("One realisation; correctedBy names the correction that superseded it.");

        appraisals.MapPost("/{nip}/realisations/{id:guid}/corrections", CommandRoutes.Command((RealisationRoute at, CorrectRealisationRequest body) =>
                new CorrectRealisation(at.CycleId, at.Nip, at.Id, body.Value, body.Evidence, body.AchievedOn, body.Reason),
                (at, written) => Realisation(at.Appraisal, written), (at, written) => RealisationLocation(at.Appraisal, written)).HandleCreation)
            .WithSummary("Correct a realisation: a new one that names the one it supersedes; nothing is overwritten.");

        appraisals.MapPost("/{nip}/feedback", CommandRoutes.Command((AppraisalRoute at, GiveFeedbackRequest body) =>
                new GiveFeedback(at.CycleId, at.Nip, body.Source, body.Scores, body.Comment, body.GiverNip),
                (_, body, written) => new FeedbackAccepted(Guid.Parse(written.Key), body.Source!.Value)).Handle)
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
