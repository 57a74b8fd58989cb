using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Imports;

public enum ImportKind { Units, Positions, Employees, Supervisors }

public enum ImportStatus { DryRun, Incomplete, Complete }

/// <param name="Line">The file's line the record starts on; the header is line 1.</param>
/// <param name="Column">The header of the column at fault, null when the row as a whole is (a duplicate, a conflict at commit).</param>
/// <param name="Code">The problem code the single-row endpoint answers with (<c>validation-failed</c>, <c>nip-already-registered</c>, ...).</param>
public sealed record ImportLineError(int Line, string? Column, string Code, string Message);

/// <summary>
/// One file's import, keyed by the file's SHA-256: committed in the transaction of every batch of events it appends, so it always says
/// exactly which lines are settled. A re-post of the file resumes at <see cref="NextLine"/>; a complete one appends nothing.
/// </summary>
public sealed record ImportRun(
    string Id, ImportKind Kind, int Total, int Done, int Failed, int NextLine, int LastLine, IReadOnlyList<ImportLineError> Errors,
    string StartedBy, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt)
{
    public ImportStatus Status => NextLine > LastLine ? ImportStatus.Complete : ImportStatus.Incomplete;
}

/// <summary>What an import did (or, dry, would do): counts of rows and every line's problems.</summary>
/// <param name="Done">Rows settled without a problem (appended, or nothing to change).</param>
/// <param name="NextCursor">Where the next page of errors starts (GET only); null when there are no more.</param>
public sealed record ImportReport(
    string Id, ImportKind Kind, ImportStatus Status, int Total, int Done, int Failed, int Pending, IReadOnlyList<ImportLineError> Errors,
    DateTimeOffset? StartedAt, DateTimeOffset? UpdatedAt, string? NextCursor = null)
{
    public static ImportReport Of(ImportRun run, IReadOnlyList<ImportLineError> errors, string? nextCursor = null, bool dry = false) =>
        new(run.Id, run.Kind, dry ? ImportStatus.DryRun : run.Status, run.Total, run.Done, run.Failed, run.Total - run.Done - run.Failed, errors,
            dry ? null : run.StartedAt, dry ? null : run.UpdatedAt, nextCursor);
}

/// <summary>What one row appends to one stream: a new stream, or events after the version the row decided on.</summary>
public sealed record StreamWrite(Guid Id, Type Aggregate, long? VersionBefore, IReadOnlyList<object> Events);

public sealed record ImportedRow(int Line, IReadOnlyList<StreamWrite> Writes);

/// <summary>An employee as the registry holds it, with its stream version (for the append's version check).</summary>
public sealed record EmployeeEntry(Employee State, long Version);

/// <summary>The import's port to the store: indexed lookups by the batch, and the batch's commit.</summary>
public interface IImportStore
{
    Task<ImportRun?> Find(string id, CancellationToken ct);

    Task<IReadOnlyList<UnitKerja>> Units(IReadOnlyCollection<string> codes, CancellationToken ct);

    Task<IReadOnlyList<Jabatan>> Positions(IReadOnlyCollection<string> codes, CancellationToken ct);

    /// <summary>Employees by their current NIP, each with its version.</summary>
    Task<IReadOnlyList<EmployeeEntry>> EmployeesByNip(IReadOnlyCollection<string> nips, CancellationToken ct);

    Task<IReadOnlyList<EmployeeEntry>> EmployeesById(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The NIPs among these that an employee held before a correction: taken for a new registration too.</summary>
    Task<IReadOnlyList<string>> FormerNips(IReadOnlyCollection<string> nips, CancellationToken ct);

    /// <summary>
    /// Appends every row's events, each row with its own cause (the file hash and line), and stores the run, in one transaction. A unique
    /// key or version check that fails refuses the whole batch (<see cref="Common.DuplicateKey"/>, <see cref="Common.ConcurrencyConflict"/>).
    /// </summary>
    Task Commit(ImportRun run, IReadOnlyList<ImportedRow> rows, CancellationToken ct);
}
