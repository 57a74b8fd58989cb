using Kinerja.Domain.Evaluations;

namespace Kinerja.Application.Ranking;

/// <summary>
/// Where an appraisal stands in the ranking order: predikat class ascending, score descending, results
/// points descending, then NIP ascending (the last only makes the listing order stable; it does not split a tie).
/// </summary>
public sealed record RankKey(int PredikatClass, decimal Score, decimal Results, string Nip)
{
    public static RankKey Of(RankedAppraisal row) => new(row.RankClass, row.RankScore, row.RankResults, row.Nip);

    public bool TiedWith(RankKey other) => PredikatClass == other.PredikatClass && Score == other.Score && Results == other.Results;
}

/// <summary>
/// What a ranking row shows of a ranked appraisal record, with the employee's current name from the registry: the
/// store reads only these fields of the page's records and profiles, not the whole documents with every plan
/// version, realisation and placement.
/// </summary>
public sealed record RankedAppraisal(
    Guid EmployeeId, string Nip, string? FullName, string UnitCode, Predikat Predikat, int RankClass, decimal RankScore, decimal RankResults, PerformanceScore Score);

/// <param name="Ranked">Final, not excused appraisals in scope.</param>
/// <param name="Unranked">Appraisals in scope still without a final evaluation, or excused.</param>
/// <param name="AtOrBeforeCursor">Ranked rows at or before the cursor in listing order (0 without a cursor).</param>
/// <param name="BetterThanCursor">Ranked rows strictly better than the cursor's key (0 without a cursor).</param>
public sealed record RankingSlice(int Ranked, int Unranked, int AtOrBeforeCursor, int BetterThanCursor, IReadOnlyList<RankedAppraisal> Rows);

public interface IRankingReader
{
    /// <summary>The ranked appraisals of the cycle (in the unit when given) after <paramref name="after"/>, in ranking order, with the counts that place them.</summary>
    Task<RankingSlice> Slice(Guid cycleId, string? unitCode, RankKey? after, int limit, CancellationToken ct);
}
