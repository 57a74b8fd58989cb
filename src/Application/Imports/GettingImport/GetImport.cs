using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Mediator;

namespace Kinerja.Application.Imports.GettingImport;

/// <param name="Cursor">The line after which the page of errors starts (the previous page's <c>nextCursor</c>).</param>
public sealed record GetImport(string Id, int? Limit, string? Cursor) : IQuery<ImportReport>;

public sealed class GetImportValidator : AbstractValidator<GetImport>
{
    public GetImportValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit).When(q => q.Limit is not null);
        RuleFor(q => q.Cursor).Must(c => c is null || int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage(new Wording("harus nextCursor dari halaman sebelumnya", "must be the nextCursor of the previous page"));
    }
}

/// <summary>An import's progress (rows done, failed and pending), its errors ordered by line and paged.</summary>
public sealed class GetImportHandler(IImportStore store) : IQueryHandler<GetImport, ImportReport>
{
    public async ValueTask<ImportReport> Handle(GetImport query, CancellationToken ct)
    {
        var run = await store.Find(query.Id.ToLowerInvariant(), ct) ?? throw new NotFound("import-not-found", $"No import has id {query.Id}.");
        var after = query.Cursor is { } cursor ? int.Parse(cursor, CultureInfo.InvariantCulture) : 0;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var from = run.Errors.Where(e => e.Line > after).ToList();
        // A line's problems stay on one page: the page ends at a line boundary, so the cursor (a line) never splits them.
        var page = from.Take(limit).ToList();
        if (page.Count < from.Count)
        {
            page.AddRange(from.Skip(limit).TakeWhile(e => e.Line == page[^1].Line));
        }

        var next = page.Count < from.Count ? page[^1].Line.ToString(CultureInfo.InvariantCulture) : null;
        return ImportReport.Of(run, page, next);
    }
}
