using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.CorrectingRealisation;
using Kinerja.Application.Appraisals.DraftingPlan;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Appraisals.GivingFeedback;
using Kinerja.Application.Appraisals.RecordingRealisation;
using Kinerja.Application.Appraisals.AgreeingPlan;
using Kinerja.Application.Appraisals.ReturningPlan;
using Kinerja.Application.Appraisals.SubmittingPlan;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Api.Appraisals;

public sealed record DraftPlanRequest(IReadOnlyList<PlanRowInput> Rows, IReadOnlyDictionary<BerAkhlak, string>? Expectations);

public sealed record AgreePlanRequest(int? Version);

public sealed record ReturnPlanRequest(int? Version, string Comments);

public sealed record RecordRealisationRequest(string IndicatorKey, decimal? Value, Evidence Evidence, DateOnly? AchievedOn);

public sealed record CorrectRealisationRequest(decimal? Value, Evidence Evidence, DateOnly? AchievedOn, string Reason);

public sealed record GiveFeedbackRequest(FeedbackSource? Source, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment, string? GiverNip);

public sealed record PublicFeedbackRequest(string SubmissionId, RespondentGroup? RespondentGroup, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment);

public sealed record FeedbackAccepted(Guid Id, FeedbackSource Source);

/// <summary>The SKP and its dialog, realisations and internal feedback: writes whose finer rules (owner, rater) the use cases check.</summary>
public static partial class AppraisalEndpoints
{
    private static void MapPlan(this RouteGroupBuilder appraisals)
    {
        appraisals.MapGet("/{nip}/plan", async (Guid cycleId, string nip, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetPlan(cycleId, nip, null), ct)))
            .WithSummary("The latest plan version (draft, submitted, returned or agreed).").ProducesProblem(403).ProducesProblem(404);
        appraisals.MapGet("/{nip}/plan/versions/{version:int}", async (Guid cycleId, string nip, int version, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetPlan(cycleId, nip, version), ct)))
            .WithSummary("Any plan version, as it stands; agreed versions never change.").ProducesProblem(403).ProducesProblem(404);

        appraisals.MapPlanAction<DraftPlanRequest>("/{nip}/plan/drafts",
            "Save the draft (employee or hr-admin). After agreement a change starts the next version, which needs agreement again.",
            (cycleId, nip, body, version) => new DraftPlan(cycleId, nip, body.Rows, body.Expectations, version));
        appraisals.MapPost("/{nip}/plan/submission", async (Guid cycleId, string nip, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await LatestPlan(cycleId, nip, http, mediator, new SubmitPlan(cycleId, nip, Versions.IfMatch(http.Request)), ct))
            .WithSummary("Submit the draft to the rater (employee or hr-admin). Accepts If-Match.")
            .Produces<PlanView>()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        appraisals.MapPlanAction<AgreePlanRequest>("/{nip}/plan/agreement", "The rater agrees the submitted version (dialog kinerja).",
            (cycleId, nip, body, version) => new AgreePlan(cycleId, nip, body.Version, version));
        appraisals.MapPlanAction<ReturnPlanRequest>("/{nip}/plan/return", "The rater returns the submitted version with comments.",
            (cycleId, nip, body, version) => new ReturnPlan(cycleId, nip, body.Version, body.Comments, version));
    }

    private static void MapWork(this RouteGroupBuilder appraisals)
    {
        appraisals.MapPost("/{nip}/realisations", async (Guid cycleId, string nip, RecordRealisationRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Realisation(cycleId, nip, http, mediator, await mediator.Send(
                    new RecordRealisation(cycleId, nip, body.IndicatorKey, body.Value, body.Evidence, body.AchievedOn, Versions.IfMatch(http.Request)), ct), ct))
            .WithSummary("Record a realisation for an indicator of the agreed plan, with evidence (employee or hr-admin).")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        appraisals.MapGet("/{nip}/realisations/{id:guid}", async (Guid cycleId, string nip, Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetRealisation(cycleId, nip, id), ct)))
            .WithSummary("One realisation; correctedBy names the correction that superseded it.").ProducesProblem(403).ProducesProblem(404);

        appraisals.MapPost("/{nip}/realisations/{id:guid}/corrections",
                async (Guid cycleId, string nip, Guid id, CorrectRealisationRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                    await Realisation(cycleId, nip, http, mediator, await mediator.Send(new CorrectRealisation(
                        cycleId, nip, id, body.Value, body.Evidence, body.AchievedOn, body.Reason, Versions.IfMatch(http.Request)), ct), ct))
            .WithSummary("Correct a realisation: a new one that names the one it supersedes; nothing is overwritten.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        appraisals.MapPost("/{nip}/feedback", async (Guid cycleId, string nip, GiveFeedbackRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(
                    new GiveFeedback(cycleId, nip, body.Source, body.Scores, body.Comment, body.GiverNip, Versions.IfMatch(http.Request)), ct);
                http.Response.Headers.ETag = Versions.ETag(written.Version);
                return TypedResults.Ok(new FeedbackAccepted(Guid.Parse(written.Key), body.Source!.Value));
            })
            .WithSummary("Continuous feedback, scores 1-5 per BerAKHLAK value: from the rater, a peer, a subordinate or the employee (self), in their own name; "
                + "hr-admin names the giver.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
    }

    private static async Task<IResult> Realisation(Guid cycleId, string nip, HttpContext http, IMediator mediator, Written written, CancellationToken ct)
    {
        var id = Guid.Parse(written.Key);
        var read = await mediator.Send(new GetRealisation(cycleId, nip, id), ct);
        http.Response.Headers.ETag = Versions.ETag(read.Version);
        return TypedResults.Created($"{Location(cycleId, nip)}/realisations/{id}", read.Value);
    }

    /// <summary>A plan action: POST to a sub-resource, If-Match honoured, the latest plan version and the appraisal's ETag returned.</summary>
    private static void MapPlanAction<TRequest>(
        this RouteGroupBuilder group, string pattern, string summary, Func<Guid, string, TRequest, long?, ICommand<Written>> command)
        where TRequest : notnull =>
        group.MapPost(pattern, async (Guid cycleId, string nip, TRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await LatestPlan(cycleId, nip, http, mediator, command(cycleId, nip, body, Versions.IfMatch(http.Request)), ct))
            .WithSummary(summary + " Accepts If-Match.")
            .Produces<PlanView>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

    private static async Task<IResult> LatestPlan(Guid cycleId, string nip, HttpContext http, IMediator mediator, ICommand<Written> command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return http.WithETag(await mediator.Send(new GetPlan(cycleId, nip, null), ct));
    }
}
