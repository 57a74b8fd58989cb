using System.Globalization;
using System.Text;
using Kinerja.Application.Talent;
using Kinerja.Domain.Positions;
using Marten;

namespace Kinerja.Infrastructure.Talent;

internal sealed class MartenTalentDirectory(IQuerySession session) : ITalentDirectory
{
    public Task<TalentProfile?> FindByNip(string nip, CancellationToken ct) =>
        session.Query<TalentProfile>().FirstOrDefaultAsync(p => p.Nip == nip, ct);

    public async Task<IReadOnlyList<TalentProfile>> InGrid(Guid cycleId, string? unitCode, CancellationToken ct)
    {
        var key = TalentProfile.GridKey(cycleId, unitCode);
        return await session.Query<TalentProfile>().Where(p => p.GridKeys.Contains(key)).ToListAsync(ct);
    }

    /// <summary>
    /// The placement order of PlacementMatching, computed by PostgreSQL over the lean profiles so that only
    /// one page leaves the database: per requirement the assessed level (0 when never assessed), then the
    /// number of gaps and the total shortfall, the predikat rank and the box, and the NIP, all ascending.
    /// Minimum levels are validated integers 1-5 and written into the statement; codes are parameters.
    /// </summary>
    public async Task<IReadOnlyList<TalentProfile>> Candidates(
        IReadOnlyList<RequiredCompetency> requirements, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TalentProfile)).TableName.QualifiedName;
        var parameters = new List<object>();
        var levels = new StringBuilder();
        var gaps = new StringBuilder("0");
        var shortfall = new StringBuilder("0");
        for (var i = 0; i < requirements.Count; i++)
        {
            var min = requirements[i].MinLevel.ToString(CultureInfo.InvariantCulture);
            levels.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"coalesce((d.data->'levels'->>?)::int, 0) as l{i}");
            parameters.Add(requirements[i].Code);
            gaps.Append(CultureInfo.InvariantCulture, $" + (l.l{i} < {min})::int");
            shortfall.Append(CultureInfo.InvariantCulture, $" + greatest({min} - l.l{i}, 0)");
        }

        var lateral = requirements.Count == 0 ? "" : $"cross join lateral (select {levels}) l";
        parameters.Add(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var keyset = "";
        if (after is not null)
        {
            keyset = "where (k1, k2, k3, k4, k5) > (?, ?, ?, ?, ?)";
            parameters.AddRange([after.Gaps, after.Shortfall, after.PredikatRank, after.BoxFromTop, after.Nip]);
        }

        parameters.Add(limit);
        var sql = $"""
            select data from (
              select d.data, {gaps} as k1, {shortfall} as k2, (d.data->>'predikatRank')::int as k3,
                     {CandidateKey.NineBoxTop} - (d.data->>'boxNumber')::int as k4, d.data->>'nip' as k5
              from {table} d {lateral}
              where d.data->>'potential' is not null and (d.data->>'endedOn' is null or d.data->>'endedOn' > ?)
            ) x {keyset}
            order by k1, k2, k3, k4, k5 limit ?
            """;
        return await session.QueryAsync<TalentProfile>(sql, ct, [.. parameters]);
    }
}
