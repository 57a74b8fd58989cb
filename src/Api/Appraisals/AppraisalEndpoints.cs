using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Appraisals.ListingAppraisals;
using Kinerja.Application.Appraisals.OpeningAppraisal;
using Kinerja.Application.Appraisals.OpeningAppraisalsInScope;
using Kinerja.Application.Appraisals.ReceivingPublicFeedback;
using Kinerja.Application.Appraisals.ResolvingRater;
using Kinerja.Application.Common;
using Mediator;

namespace Kinerja.Api.Appraisals;

public sealed record OpenAppraisalRequest(string Nip);

public sealed record ResolveRaterRequest(DateOnly? On);

/// <summary>The appraisal a route addresses.</summary>
public sealed record AppraisalRoute(Guid CycleId, string Nip);

public sealed record CycleAppraisalsRoute(Guid CycleId);

public static partial class AppraisalEndpoints
{

    private static GetAppraisal Appraisal(AppraisalRoute at, Written written) => new(at.CycleId, at.Nip);

    public static void MapAppraisals(this RouteGroupBuilder api)
    {
        api.MapPost("/cycles/{cycleId:guid}/appraisal-openings", async (Guid cycleId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new OpenAppraisalsInScope(cycleId), ct))
            .WithTags("Appraisals (SKP)")
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Open an appraisal for every employee employed and placed in the cycle's scope on its reference date (hr-admin). "
                + "Idempotent: a rerun opens only what is missing; employees without a valid rater are listed as skipped with the reason.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var appraisals = api.MapGroup("/cycles/{cycleId:guid}/appraisals").WithTags("Appraisals (SKP)");

        appraisals.MapPost("/", CommandRoutes.Command((CycleAppraisalsRoute at, OpenAppraisalRequest body) => new OpenAppraisal(at.CycleId, body.Nip),
                (at, written) => new GetAppraisal(at.CycleId, written.Key), (at, written) => Routes.Appraisals.One(at.CycleId, written.Key)).HandleCreation)
            .WithSummary("Open one employee's appraisal (hr-admin, or the employee themself). The rater and approver are the registry's "
                + "superiors on the cycle's reference date: today clamped into the period.");

        appraisals.MapGet("/", async (Guid cycleId, string? unit, AppraisalStatus? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListAppraisals(cycleId, unit, status, limit, cursor), ct))
            .WithSummary("The cycle's appraisals ordered by NIP (as opened), paged by cursor; filter by unit (as opened) and status. A supervisor sees those they rate.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        appraisals.MapGet("/{nip}", CommandRoutes.Read((AppraisalRoute at) => new GetAppraisal(at.CycleId, at.Nip)).Handle)
            .WithSummary("An appraisal: rater, plan and its versions, realisations against targets, feedback per source and value. "
                + "Public comments are shown to hr-admin and auditors only.");

        appraisals.MapPost("/{nip}/rater-resolution", CommandRoutes.Command((AppraisalRoute at, ResolveRaterRequest body) => new ResolveRater(at.CycleId, at.Nip, body.On), Appraisal).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Resolve the rater and approver again from the registry as of a date in the period (default: the reference date), e.g. after a transfer.");

        appraisals.MapPost("/{nip}/public-feedback", CommandRoutes.Command((AppraisalRoute at, PublicFeedbackRequest body) =>
                new ReceivePublicFeedback(at.CycleId, at.Nip, body.SubmissionId, body.RespondentGroup, body.Scores, body.Comment, body.RespondentId, body.PersonalNames)).Handle)
            .RequireAuthorization(AuthSetup.Writers)
            .WithSummary("Anonymous public feedback through the portal, within the cycle's feedback window. A repeated submissionId "
                + "returns the first answer again and appends nothing; an appraisal takes a limited number (409 public-feedback-limit-reached). "
                + "A respondentId (the portal's own id of the respondent, stored only as a hash) makes a later response of the same respondent "
                + "replace the earlier one in the tallies. E-mail addresses, phone numbers, NISN and the personalNames the portal marks are masked "
                + "out of the comment before it is stored.");

        appraisals.MapPlan();
        appraisals.MapWork();
        appraisals.MapEvaluation();
    }
}
