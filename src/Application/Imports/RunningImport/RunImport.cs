using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Application.Units;
using Kinerja.Application.Units.RegisteringUnit;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Imports.RunningImport;

/// <param name="Csv">The file's text, its first line the header (docs/imports.md lists the columns of each kind).</param>
/// <param name="DryRun">Check every line against the registry as it is and report its problems; append nothing.</param>
/// <param name="MaxRows">Settle at most this many rows now; posting the file again continues after them.</param>
public sealed record RunImport(ImportKind? Kind, string Csv, bool DryRun = false, int? MaxRows = null) : ICommand<ImportReport>;

public sealed class RunImportValidator : AbstractValidator<RunImport>
{
    public RunImportValidator(IEnumerable<IRowImporter> importers)
    {
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Csv).NotEmpty();
        RuleFor(c => c.MaxRows).GreaterThan(0).When(c => c.MaxRows is not null);
        RuleFor(c => c.Csv).Custom((csv, ctx) =>
        {
            if (importers.FirstOrDefault(i => i.Kind == ctx.InstanceToValidate.Kind) is not { } importer || string.IsNullOrEmpty(csv))
            {
                return;
            }

            var header = CsvFile.HeaderOf(csv).Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
            foreach (var missing in importer.Required.Where(c => !header.Contains(c)))
            {
                ctx.AddFailure($"The header has no column '{missing}'; {importer.Kind} need {string.Join(", ", importer.Required)} (and may have {string.Join(", ", importer.Optional)}).");
            }
        });
    }
}

/// <summary>
/// Runs a file a batch of rows at a time: the batch's references are looked up by key in a few queries, each row is decided as its
/// single-row command would be, and the batch's events commit together with the run's progress, so the file hash and line say what is
/// settled. A second post of the file continues at the first unsettled line; a complete file appends nothing (docs/decisions/141).
/// </summary>
public sealed class RunImportHandler(
    IImportStore store, IEnumerable<IRowImporter> importers, ICurrentActor current, RegistryScope registry, TimeProvider clock)
    : ICommandHandler<RunImport, ImportReport>
{
    public const int BatchSize = 500;

    public async ValueTask<ImportReport> Handle(RunImport command, CancellationToken ct)
    {
        var importer = importers.Single(i => i.Kind == command.Kind);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Csv)));
        var file = CsvFile.Parse(command.Csv);
        if (current.Actor.Role == Roles.OpdAdmin)
        {
            await HoldToSubtree(importer, file.Rows, ct);
        }

        var now = clock.GetUtcNow();
        var existing = await store.Find(id, ct);
        if (existing is not null && existing.Kind != command.Kind)
        {
            throw new DomainRuleViolation("import-kind-mismatch", $"This file was imported as {existing.Kind}, not {command.Kind}.");
        }

        var run = existing ?? new ImportRun(id, importer.Kind, file.Rows.Count, 0, 0, 2, file.LastLine, [], current.Actor.Name, now, now);
        var pending = file.Rows.Where(r => r.Line >= run.NextLine).Take(command.MaxRows ?? int.MaxValue).ToList();
        if (existing is null && pending.Count == 0 && !command.DryRun)
        {
            await store.Commit(run, [], ct);
        }

        // A pipeline of two: the next batch is looked up and decided while the previous one commits, so the service's work and the
        // database's overlap instead of taking turns (docs/decisions/155). The context already holds what the committing batch decided.
        var context = new ImportContext(store);
        Task<Committed>? committing = null;
        try
        {
            foreach (var batch in pending.Chunk(BatchSize))
            {
                var outcomes = await Decide(importer, batch, context, now, ct);
                if (command.DryRun)
                {
                    run = Settle(run, outcomes);
                    continue;
                }

                if (committing is not null)
                {
                    var previous = await committing;
                    committing = null;
                    run = previous.Run;
                    if (!previous.Whole)
                    {
                        // A row of that batch was refused at its commit, yet this batch was decided as if it stood: decide it again
                        // from the store as it now is.
                        context = new ImportContext(store);
                        outcomes = await Decide(importer, batch, context, now, ct);
                    }
                }

                committing = Commit(run, outcomes, ct);
            }
        }
        finally
        {
            // Never leave a commit running behind a failure: its connection belongs to this request.
            if (committing is not null)
            {
                run = (await committing).Run;
            }
        }

        return ImportReport.Of(run, run.Errors, dry: command.DryRun);
    }

    /// <summary>
    /// An opd-admin's file is refused whole (403, nothing read, appended or kept) when any row writes what its single-row command may not:
    /// a kind that is not their registry data, or a unit outside their subtree. A unit on an earlier line counts as the subtree's when
    /// its parent does. The file is the request; a refusal of access is not a row's problem to skip.
    /// </summary>
    private async Task HoldToSubtree(IRowImporter importer, IReadOnlyList<CsvRow> rows, CancellationToken ct)
    {
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var write = importer.Command(row);
            if (!registry.Holds(write))
            {
                throw new AccessDenied($"An opd-admin imports only what it may register one row at a time: {importer.Kind} are hr-admin's.");
            }

            await registry.Ensure(write, earlier, ct);
            if (write is RegisterUnit unit)
            {
                earlier.Add(UnitKerja.Canonical(unit.Code));
            }
        }
    }

    private sealed record Outcome(int Line, ImportedRow? Row, IReadOnlyList<ImportLineError> Errors);

    /// <param name="Whole">Every row committed as decided; false when the batch went row by row and a row was refused at its commit.</param>
    private sealed record Committed(ImportRun Run, bool Whole);

    private static async Task<List<Outcome>> Decide(IRowImporter importer, CsvRow[] batch, ImportContext context, DateTimeOffset now, CancellationToken ct)
    {
        await importer.Prepare(batch, context, ct);
        var outcomes = new List<Outcome>(batch.Length);
        foreach (var row in batch)
        {
            try
            {
                outcomes.Add(new Outcome(row.Line, new ImportedRow(row.Line, await importer.Import(row, context, now)), []));
            }
            catch (RowRefused refused)
            {
                outcomes.Add(new Outcome(row.Line, null, refused.Errors));
            }
        }

        return outcomes;
    }

    private ImportRun Settle(ImportRun run, IReadOnlyList<Outcome> outcomes) => outcomes.Count == 0 ? run : run with
    {
        Done = run.Done + outcomes.Count(o => o.Errors.Count == 0),
        Failed = run.Failed + outcomes.Count(o => o.Errors.Count > 0),
        NextLine = outcomes[^1].Line + 1,
        Errors = [.. run.Errors, .. outcomes.SelectMany(o => o.Errors)],
        UpdatedAt = clock.GetUtcNow(),
    };

    /// <summary>
    /// The batch in one transaction; when a key or version another writer took since the lookup refuses it, row by row instead, so only
    /// that row fails (with the problem its commit met) and every other row's events and the progress still commit together.
    /// </summary>
    private async Task<Committed> Commit(ImportRun run, List<Outcome> outcomes, CancellationToken ct)
    {
        var settled = Settle(run, outcomes);
        try
        {
            await store.Commit(settled, [.. outcomes.Select(o => o.Row).OfType<ImportedRow>()], ct);
            return new Committed(settled, true);
        }
        catch (ApplicationFailure) when (outcomes.Count > 1)
        {
            var whole = true;
            foreach (var outcome in outcomes)
            {
                var candidate = Settle(run, [outcome]);
                try
                {
                    await store.Commit(candidate, outcome.Row is { } row ? [row] : [], ct);
                    run = candidate;
                }
                catch (ApplicationFailure failure)
                {
                    whole = false;
                    run = Settle(run, [outcome with { Row = null, Errors = [new ImportLineError(outcome.Line, null, failure.Code, failure.Message)] }]);
                    await store.Commit(run, [], ct);
                }
            }

            return new Committed(run, whole);
        }
    }
}
