using System.Globalization;
using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Ranking.GettingRanking;
using Mediator;

namespace Kinerja.Api.Ranking;

/// <summary>The cycle's ranking for decision makers: predikat first, the score within it, always with the score's components.</summary>
public static class RankingEndpoints
{
    public static void MapRanking(this RouteGroupBuilder api)
    {
        api.MapGet("/cycles/{id:guid}/ranking", async (Guid id, string? unit, int? limit, string? cursor, string? format, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (!Csv.Wanted(http, format))
                {
                    return Results.Ok(await mediator.Send(new GetRanking(id, unit, limit, cursor), ct));
                }

                if (limit is not null)
                {
                    var page = await mediator.Send(new GetRanking(id, unit, limit, cursor), ct);
                    return AsCsv(http, page.Items, page.NextCursor);
                }

                // An export is whole: without a limit the CSV carries every row from the cursor on, read page by page.
                var rows = new List<RankingRow>();
                var next = cursor;
                do
                {
                    var page = await mediator.Send(new GetRanking(id, unit, Paging.MaxLimit, next), ct);
                    rows.AddRange(page.Items);
                    next = page.NextCursor;
                }
                while (next is not null);

                return AsCsv(http, rows, null);
            })
            .ScopedToUnit("unit")
            .WithTags("Ranking")
            .WithSummary("Final, not excused appraisals of the cycle, city-wide or for one unit, ordered by predikat class, then score, then results points; "
                + "ties share a rank. City-wide for hr-admin, the portal and auditors; one unit (`unit`) also for its head (or their Plt/Plh) "
                + "and its opd-admin, sub-units included. Each row has rank, percentile, predikat, score and its components. Keyset paged (`cursor` = nextCursor); "
                + "`format=csv` or `Accept: text/csv` for CSV: every row unless `limit` is given, and then a `Link: <…>; rel=\"next\"` header while more follows.")
            .Produces<RankingPage>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }

    private static IResult AsCsv(HttpContext http, IReadOnlyList<RankingRow> rows, string? next) => Csv.Page(
        http,
        "rank,percentile,nip,fullName,unitCode,predikat,score,resultsPoints,behaviourPoints,weightsVersion,missingBasis",
        rows,
        r =>
        [
            r.Rank.ToString(CultureInfo.InvariantCulture), r.Percentile.ToString(CultureInfo.InvariantCulture), r.Nip, r.FullName ?? "", r.UnitCode,
            r.Predikat.ToString(), r.Score.ToString(CultureInfo.InvariantCulture), r.Components.ResultsPoints.ToString(CultureInfo.InvariantCulture),
            r.Components.BehaviourPoints?.ToString(CultureInfo.InvariantCulture) ?? "", r.Components.WeightsVersion, r.Components.MissingBasis ?? "",
        ],
        "cursor",
        next);
}
