using System.Globalization;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Evaluations.ExportingTppBasis;
using Mediator;

namespace Kinerja.Api.Evaluations;

/// <summary>The basis for paying TPP: each employee's final predikat for the cycle's period with the events that prove it.</summary>
public static class TppBasisEndpoints
{
    public const string CsvHeader = "nip,fullName,unitCode,cycleId,periodStart,periodEnd,basis,predikat,predikatTableVersion,finalAt,"
        + "planAgreedEventId,planAgreedHash,evaluationSubmittedEventId,evaluationSubmittedHash,evaluationApprovedEventId,evaluationApprovedHash,"
        + "appraisalExcusedEventId,appraisalExcusedHash";

    private static readonly string[] Proved = ["plan-agreed", "evaluation-submitted", "evaluation-approved", "appraisal-excused"];

    public static void MapTppBasis(this RouteGroupBuilder api) =>
        api.MapGet("/cycles/{id:guid}/tpp-basis", async (Guid id, string? unit, int? limit, string? cursor, string? format,
                IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (!Csv.Wanted(http, format))
                {
                    return Results.Ok(await mediator.Send(new ExportTppBasis(id, unit, limit, cursor), ct));
                }

                return await Csv.Export(http, format, $"tpp-basis-{id}{(unit is null ? "" : "-" + unit)}.csv", CsvHeader, Fields, limit, cursor, "cursor",
                    (page, size, token) => mediator.Send(new ExportTppBasis(id, unit, size, page), token).AsTask(), ct);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.HrAdmin, Roles.Auditor))
            .WithTags("Evaluations")
            .WithSummary("The TPP basis of every appraisal of the cycle, city-wide or opened in one `unit`: the final predikat for the period (`basis` "
                + "`final`), or `excused` or `not-final`, with the id, stream position and sealed hash of each event that proves it (the SKP agreement, "
                + "the evaluation approved and its approval, or the excusal); check a hash with the employee's `/audit/.../verification`. Ordered by NIP, "
                + "keyset paged (`cursor` = nextCursor); `format=csv` or `Accept: text/csv` for CSV.")
            .Produces<Page<TppBasisRow>>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

    private static IEnumerable<string> Fields(TppBasisRow r) =>
        new[]
        {
            r.Nip, r.FullName ?? "", r.UnitCode, r.CycleId.ToString(), Date(r.PeriodStart), Date(r.PeriodEnd), r.Basis, r.Predikat?.ToString() ?? "",
            r.PredikatTableVersion ?? "", r.FinalAt is { } at ? Wit.Show(at) : "",
        }.Concat(Proved.SelectMany(p => r.Proof.FirstOrDefault(x => x.Proves == p) is { } proof ? [proof.EventId.ToString(), proof.Hash ?? ""] : new[] { "", "" }));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
