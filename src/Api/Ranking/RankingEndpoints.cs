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

                var numbers = Csv.Numbers(format);
                return await Csv.Export<RankingRow>(http, format, $"ranking-{id}{(unit is null ? "" : "-" + unit)}.csv", CsvHeader, r => Fields(r, numbers),
                    limit, cursor, "cursor", async (page, size, token) =>
                    {
                        var rows = await mediator.Send(new GetRanking(id, unit, size, page), token);
                        return new Page<RankingRow>(rows.Items, rows.NextCursor);
                    }, ct);
            })
            .ScopedToUnit("unit")
            .WithTags("Ranking")
            .WithSummary("Final, not excused appraisals of the cycle, city-wide or for one unit, ordered by predikat class, then score, then results points; "
                + "ties share a rank. City-wide for hr-admin, the portal and auditors; one unit (`unit`) also for its head (or their Plt/Plh) "
                + "and its opd-admin, sub-units included. Each row has rank, percentile, predikat, score and its components. Keyset paged (`cursor` = nextCursor); "
                + "`format=csv` or `Accept: text/csv` for CSV: every row unless `limit` is given, and then a `Link: <…>; rel=\"next\"` header while more follows.")
            .Produces<RankingPage>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }

    private const string CsvHeader = "rank,percentile,nip,fullName,unitCode,predikat,score,resultsPoints,behaviourPoints,weightsVersion,missingBasis";

    private static string[] Fields(RankingRow r, IFormatProvider numbers) =>
    [
        r.Rank.ToString(numbers), r.Percentile.ToString(numbers), r.Nip, r.FullName ?? "", r.UnitCode,
        r.Predikat.ToString(), r.Score.ToString(numbers), r.Components.ResultsPoints.ToString(numbers),
        r.Components.BehaviourPoints?.ToString(numbers) ?? "", r.Components.WeightsVersion, r.Components.MissingBasis ?? "",
    ];
}
