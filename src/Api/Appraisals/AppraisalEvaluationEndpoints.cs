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

public sealed record EvaluateRequest(
    Rating? Results, Rating? Behaviour, IReadOnlyList<RowAssessment>? RowAssessments, string Justification, string? UnrealisedJustification = null);

public sealed record ReturnEvaluationRequest(string Comments);

public sealed record ExcuseRequest(string Reason);

/// <summary>Penilaian: the rater evaluates, the rater's superior approves or returns; each answers with the appraisal and its ETag.</summary>
public static partial class AppraisalEndpoints
{
    private static void MapEvaluation(this RouteGroupBuilder appraisals)
    {
        appraisals.MapPost("/{nip}/evaluation", CommandRoutes.Command((AppraisalRoute at, EvaluateRequest body) =>
                new EvaluateAppraisal(at.CycleId, at.Nip, body.Results, body.Behaviour, body.RowAssessments, body.Justification, body.UnrealisedJustification), Appraisal).Handle)
            .WithSummary("The rater evaluates in the evaluation phase: results and behaviour rating, optional assessment per SKP row, justification. "
                + "The predikat is computed by the current reference table, whose version is recorded. A unit head's results rating is their unit's "
                + "result for the cycle (409 unit-result-missing / results-follow-unit-result otherwise); results DiAtasEkspektasi with no realisation "
                + "recorded need unrealisedJustification (409 above-without-realisation). Accepts If-Match.");

        appraisals.MapPost("/{nip}/evaluation/approval", CommandRoutes.Command((AppraisalRoute at) => new ApproveEvaluation(at.CycleId, at.Nip), Appraisal).Handle)
            .WithSummary("The rater's superior approves the evaluation, which makes it final; a repeated approval appends nothing. Accepts If-Match.");

        appraisals.MapPost("/{nip}/evaluation/return", CommandRoutes.Command((AppraisalRoute at, ReturnEvaluationRequest body) =>
                new ReturnEvaluation(at.CycleId, at.Nip, body.Comments), Appraisal).Handle)
            .WithSummary("The rater's superior returns the evaluation to the rater with comments; the rater evaluates again. Accepts If-Match.");

        appraisals.MapPost("/{nip}/excusal", CommandRoutes.Command((AppraisalRoute at, ExcuseRequest body) => new ExcuseAppraisal(at.CycleId, at.Nip, body.Reason), Appraisal).Handle)
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .WithSummary("Excuse the appraisal from evaluation with a reason, e.g. long leave (hr-admin), so the cycle can close without it. "
                + "A repeat appends nothing; a final evaluation is not excused. Accepts If-Match.");
    }
}
