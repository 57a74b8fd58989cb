namespace Kinerja.Application.Audit.TryingReadModels;

/// <summary>One field where a live read-model document differs from the same document rebuilt from the events; a whole missing document has path <c>$</c>.</summary>
public sealed record ReadModelDifference(string Projection, string DocumentId, string Path, string? Live, string? Rebuilt);

public sealed record ReadModelTrialReport(IReadOnlyList<string> Projections, long DocumentsCompared, IReadOnlyList<ReadModelDifference> Differences);

/// <summary>
/// Puts read models on trial: rebuilds them from the events into a scratch schema, compares every document with
/// the live one, and drops the scratch schema again.
/// </summary>
public interface IReadModelTrial
{
    /// <param name="projection">One projection by name, or null for all.</param>
    /// <exception cref="Common.NotFound">No projection has that name.</exception>
    Task<ReadModelTrialReport> Run(string? projection, CancellationToken ct);
}
