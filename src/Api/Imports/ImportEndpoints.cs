using Kinerja.Api.Http;
using Kinerja.Application.Imports;
using Kinerja.Application.Imports.GettingImport;
using Kinerja.Application.Imports.RunningImport;
using Mediator;

namespace Kinerja.Api.Imports;

public static class ImportEndpoints
{
    public static void MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup(Routes.Imports.Group).WithTags("Bulk import (CSV)");

        imports.MapPost("/", async (RunImport command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var report = await mediator.Send(command, ct);
                if (report.Status != ImportStatus.DryRun)
                {
                    http.Response.Headers.Location = Routes.Imports.One(report.Id);
                }

                return TypedResults.Ok(report);
            })
            .Declare<ImportReport>(created: false)
            .WithSummary("Import units, positions, employees or superior links from a CSV file (columns in docs/imports.md), each row under the rules " +
                "of its single-row endpoint. dryRun checks every line and appends nothing. The file's SHA-256 is the import's id: posting it again " +
                "appends nothing for settled lines and continues after the last settled one (maxRows settles only that many now). Every event names " +
                "the file and line as its cause.");

        imports.MapGet("/{id}", async (string id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetImport(id, limit, cursor), ct)))
            .Produces<ImportReport>()
            .WithSummary("An import's progress (rows done, failed and pending of the total) and its line errors ordered by line, paged by cursor.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }
}
