using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Documents.CheckingDocument;
using Kinerja.Application.Documents.IssuingDocument;
using Kinerja.Domain.Documents;
using Mediator;

namespace Kinerja.Api.Documents;

/// <summary>
/// Issuing is a POST (it records the issue) answered with the PDF itself, not a resource read back, so these routes do not go through
/// CommandRoutes; <c>Location</c> names the check of the issued copy.
/// </summary>
public static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("").WithTags("Documents");
        Issue(documents, "/cycles/{cycleId:guid}/appraisals/{nip}/documents/skp", "nip", DocumentKind.Skp)
            .WithSummary("Issues the agreed SKP of the appraisal as PDF (hr-admin): the agreed plan version's RHK, indicators, targets and BerAKHLAK expectations, "
                + "with signature blocks; the issue is recorded with the content's hash, printed on every page.");
        Issue(documents, "/cycles/{cycleId:guid}/appraisals/{nip}/documents/evaluasi-kinerja", "nip", DocumentKind.EvaluasiKinerja)
            .WithSummary("Issues the Dokumen Evaluasi Kinerja as PDF (hr-admin): ratings, predikat and its table version, approval, progress against targets, "
                + "feedback and score; the issue is recorded with the content's hash, printed on every page.");
        Issue(documents, "/cycles/{cycleId:guid}/units/{code}/documents/penetapan-predikat", "code", DocumentKind.PenetapanPredikat)
            .WithSummary("Issues the unit's Penetapan Predikat as PDF (hr-admin): the unit's result, the final predikat of each employee, the distribution "
                + "drawn as a curve and any breach of the guidance; the issue is recorded with the content's hash, printed on every page.");

        documents.MapGet(Routes.Documents.Group + "/{hash}", async (string hash, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CheckDocument(hash), ct))
            .WithSummary("What a printed copy is, by the hash at its foot: the document issued with it (kind, title, cycle, subject, who issued it and when) "
                + "and whether it is current, i.e. whether the same document built from today's record has the same content (`currentHash` otherwise).")
            .Produces<DocumentCheck>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404);
    }

    /// <param name="subject">The route value naming what the document is about: the employee's NIP, or the unit code.</param>
    private static RouteHandlerBuilder Issue(RouteGroupBuilder documents, string pattern, string subject, DocumentKind kind) =>
        documents.MapPost(pattern, async (Guid cycleId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueDocument(kind, cycleId, (string)http.GetRouteValue(subject)!), ct);
                http.Response.Headers.Location = Routes.Documents.One(issued.ContentHash);
                return Results.File(issued.Pdf, "application/pdf", issued.FileName);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin))
            .Produces(200, contentType: "application/pdf").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
