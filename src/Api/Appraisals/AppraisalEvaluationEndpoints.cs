using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.ExcusingAppraisal;
using Kinerja.Application.Appraisals.ApprovingEvaluation;
using Kinerja.Application.Appraisals.EvaluatingAppraisal;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Appraisals.ReturningEvaluation;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Api.Appraisals;

public sealed record EvaluateRequest(Rating? Results, Rating? Behaviour, IReadOnlyList<RowAssessment>? RowAssessments, string Justification);

public sealed record ReturnEvaluationRequest(string Comments);

public sealed record ExcuseRequest(string Reason);

/// <summary>Penilaian: the rater evaluates, the rater's superior approves or returns; each answers with the appraisal and its ETag.</summary>
public static partial class AppraisalEndpoints
{
    private static void MapEvaluation(this RouteGroupBuilder appraisals)
    {
        appraisals.MapPost("/{nip}/evaluation", async (Guid cycleId, string nip, EvaluateRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Appraisal(cycleId, nip, http, mediator, new EvaluateAppraisal(
                    cycleId, nip, body.Results, body.Behaviour, body.RowAssessments, body.Justification, Versions.IfMatch(http.Request)), ct))
            .WithSummary("The rater evaluates in the evaluation phase: results and behaviour rating, optional assessment per SKP row, justification. "
                + "The predikat is computed by the current reference table, whose version is recorded. Accepts If-Match.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        appraisals.MapPost("/{nip}/evaluation/approval", async (Guid cycleId, string nip, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Appraisal(cycleId, nip, http, mediator, new ApproveEvaluation(cycleId, nip, Versions.IfMatch(http.Request)), ct))
            .WithSummary("The rater's superior approves the evaluation, which makes it final; a repeated approval appends nothing. Accepts If-Match.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        appraisals.MapPost("/{nip}/evaluation/return", async (Guid cycleId, string nip, ReturnEvaluationRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Appraisal(cycleId, nip, http, mediator, new ReturnEvaluation(cycleId, nip, body.Comments, Versions.IfMatch(http.Request)), ct))
            .WithSummary("The rater's superior returns the evaluation to the rater with comments; the rater evaluates again. Accepts If-Match.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        appraisals.MapPost("/{nip}/excusal", async (Guid cycleId, string nip, ExcuseRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Appraisal(cycleId, nip, http, mediator, new ExcuseAppraisal(cycleId, nip, body.Reason, Versions.IfMatch(http.Request)), ct))
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Excuse the appraisal from evaluation with a reason, e.g. long leave (hr-admin), so the cycle can close without it. "
                + "A repeat appends nothing; a final evaluation is not excused. Accepts If-Match.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
    }

    private static async Task<IResult> Appraisal(Guid cycleId, string nip, HttpContext http, IMediator mediator, ICommand<Written> command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return http.WithETag(await mediator.Send(new GetAppraisal(cycleId, nip), ct));
    }
}
