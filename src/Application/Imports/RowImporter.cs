using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;

namespace Kinerja.Application.Imports;

/// <summary>A row's problems: refused, the row appends nothing and the import goes on with the next.</summary>
public sealed class RowRefused(IReadOnlyList<ImportLineError> errors) : Exception(errors[0].Message)
{
    public IReadOnlyList<ImportLineError> Errors { get; } = errors;
}

/// <summary>The cells of one row read as a command's values; a cell that does not read is a problem of its column.</summary>
public sealed class CellReader(CsvRow row)
{
    public List<ImportLineError> Errors { get; } = [];

    public string Text(string column) => row[column] ?? "";

    public string? Optional(string column) => row[column];

    public DateOnly? Date(string column)
    {
        if (row[column] is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return Refuse<DateOnly?>(column, $"'{text}' is not a date (YYYY-MM-DD or DD/MM/YYYY).");
    }

    public int? Number(string column) => row[column] is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : Refuse<int?>(column, $"'{text}' is not a whole number.");

    /// <summary>An enum by its name, ignoring case, spaces, hyphens and underscores ("Fungsional Keahlian", "AHLI_MUDA").</summary>
    public T? Enum<T>(string column) where T : struct, System.Enum
    {
        if (row[column] is not { } text)
        {
            return null;
        }

        return EnumNames<T>.ByCompact.TryGetValue(Compact(text), out var value) ? value
            : Refuse<T?>(column, $"'{text}' is none of {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    public bool Faulty(string column) => Errors.Any(e => e.Column == column);

    public void Fail(string column, string message) => Errors.Add(new ImportLineError(row.Line, column, "validation-failed", message));

    private TValue? Refuse<TValue>(string column, string message)
    {
        Fail(column, message);
        return default;
    }

    private static string Compact(string text)
    {
        Span<char> kept = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(kept[..length]);
    }

    /// <summary>
    /// Each enum's names compacted once, not for every cell: three enum cells a row listed and compacted every name of their enum, a
    /// few percent of an import's processor time (docs/decisions/163). The first of two names that compact alike wins, as before.
    /// </summary>
    private static class EnumNames<T> where T : struct, System.Enum
    {
        public static readonly Dictionary<string, T> ByCompact = Build();

        private static Dictionary<string, T> Build()
        {
            var names = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var value in System.Enum.GetValues<T>())
            {
                names.TryAdd(Compact(value.ToString()), value);
            }

            return names;
        }
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy"];
}

/// <summary>
/// One kind of row: read into the command the single-row endpoint takes, checked by that command's validator, then decided by the same
/// domain decision against the registry (and the rows above it). Nothing here re-states a rule: a problem carries the code the endpoint
/// would answer with, placed on the column it comes from.
/// </summary>
public abstract class RowImporter<TCommand>(IValidator<TCommand> validator) : IRowImporter
{
    public abstract ImportKind Kind { get; }

    public abstract IReadOnlyList<string> Required { get; }

    public abstract IReadOnlyList<string> Optional { get; }

    /// <summary>The column of a validated property (by the start of its path) or of a problem code.</summary>
    protected abstract IReadOnlyDictionary<string, string> Columns { get; }

    public abstract Task Prepare(IReadOnlyList<CsvRow> rows, ImportContext context, CancellationToken ct);

    protected abstract TCommand Read(CellReader cells);

    protected abstract ValueTask<IReadOnlyList<StreamWrite>> Decide(TCommand command, ImportContext context, DateTimeOffset now);

    public object Command(CsvRow row) => Read(new CellReader(row))!;

    public async ValueTask<IReadOnlyList<StreamWrite>> Import(CsvRow row, ImportContext context, DateTimeOffset now)
    {
        var cells = new CellReader(row);
        var command = Read(cells);
        var errors = cells.Errors.Concat(validator.Validate(command).Errors
            .Select(f => new ImportLineError(row.Line, ColumnOf(f.PropertyName), "validation-failed", f.ErrorMessage))
            .Where(e => e.Column is null || !cells.Faulty(e.Column))).ToList();
        if (errors.Count > 0)
        {
            throw new RowRefused(errors);
        }

        try
        {
            return await Decide(command, context, now);
        }
        catch (DomainRuleViolation v)
        {
            throw new RowRefused([new ImportLineError(row.Line, ColumnOf(v.Code), v.Code, v.Message)]);
        }
        catch (ApplicationFailure f)
        {
            throw new RowRefused([new ImportLineError(row.Line, ColumnOf(f.Code), f.Code, f.Message)]);
        }
    }

    private string? ColumnOf(string key) =>
        Columns.TryGetValue(key, out var column) ? column
        : Columns.FirstOrDefault(c => key.StartsWith(c.Key + ".", StringComparison.Ordinal) || key.StartsWith(c.Key + "[", StringComparison.Ordinal)).Value;
}

public interface IRowImporter
{
    ImportKind Kind { get; }

    IReadOnlyList<string> Required { get; }

    IReadOnlyList<string> Optional { get; }

    /// <summary>Looks up, in a few indexed queries, everything the batch's rows refer to.</summary>
    Task Prepare(IReadOnlyList<CsvRow> rows, ImportContext context, CancellationToken ct);

    /// <summary>The command the row reads as, whether or not its cells read cleanly (for the opd-admin's scope, decided before anything else).</summary>
    object Command(CsvRow row);

    /// <summary>The row's writes (none when it changes nothing), or <see cref="RowRefused"/>; records what it decided in the context.</summary>
    ValueTask<IReadOnlyList<StreamWrite>> Import(CsvRow row, ImportContext context, DateTimeOffset now);
}
