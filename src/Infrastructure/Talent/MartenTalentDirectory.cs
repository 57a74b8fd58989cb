using System.Globalization;
using System.Text;
using Kinerja.Application.Talent;
using Kinerja.Domain.Positions;
using Kinerja.Infrastructure.Common;
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
    /// The placement order of PlacementMatching, computed by PostgreSQL over the narrow candidate profiles so that only
    /// one page leaves the database: per requirement the assessed level (0 when never assessed), then the number of gaps
    /// and the total shortfall, the predikat rank and the box, and the NIP, all ascending; the page's talent profiles are
    /// joined at the end. Minimum levels (validated integers 1-5) and the limit are written into the statement, so a prepared
    /// statement's generic plan still knows it reads one page; codes are parameters. With a GIN index on the levels reached,
    /// a first page of those meeting every requirement needs no scoring (docs/decisions/063).
    /// </summary>
    public async Task<IReadOnlyList<TalentProfile>> Candidates(
        IReadOnlyList<RequiredCompetency> requirements, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        // Those who meet every requirement (no gaps, no shortfall) come before everybody else. When there are enough of
        // them after the cursor to fill the page, the page is theirs, in the remaining keys' order, and only they are read.
        if (requirements.Count > 0 && (after is null || after.Gaps == 0)
            && await MeetingAll(requirements, on, after, limit, ct) is { } page && page.Count == limit)
        {
            return page;
        }

        return await Scored(requirements, on, after, limit, ct);
    }

    private async Task<IReadOnlyList<TalentProfile>> MeetingAll(
        IReadOnlyList<RequiredCompetency> requirements, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        var reached = requirements.Select(r => CandidateProfile.Reached(r.Code, r.MinLevel)).ToArray();
        var parameters = new List<object> { reached, on };
        var keyset = "";
        if (after is not null)
        {
            keyset = $"and (c.predikat_rank, {CandidateKey.NineBoxTop} - c.box_number, c.nip) > (?, ?, ?)";
            parameters.AddRange([after.PredikatRank, after.BoxFromTop, after.Nip]);
        }

        var page = $"""
            select c.id, c.predikat_rank as k3, {CandidateKey.NineBoxTop} - c.box_number as k4, c.nip as k5
            from {session.TableOf<CandidateProfile>()} c
            where c.levels_reached @> ?::varchar[] and c.potential is not null and (c.ended_on is null or c.ended_on > ?) {keyset}
            order by k3, k4, k5 limit {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        return await ProfilesOf(page, ["k3", "k4", "k5"], parameters, ct);
    }

    private async Task<IReadOnlyList<TalentProfile>> Scored(
        IReadOnlyList<RequiredCompetency> requirements, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        var parameters = new List<object>();
        var levels = new StringBuilder();
        var gaps = new StringBuilder("0");
        var shortfall = new StringBuilder("0");
        for (var i = 0; i < requirements.Count; i++)
        {
            var min = requirements[i].MinLevel.ToString(CultureInfo.InvariantCulture);
            levels.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"coalesce(c.level_values[array_position(c.level_codes, ?::varchar)], 0) as l{i}");
            parameters.Add(requirements[i].Code);
            gaps.Append(CultureInfo.InvariantCulture, $" + (l.l{i} < {min})::int");
            shortfall.Append(CultureInfo.InvariantCulture, $" + greatest({min} - l.l{i}, 0)");
        }

        var lateral = requirements.Count == 0 ? "" : $"cross join lateral (select {levels}) l";
        parameters.Add(on);
        var keyset = "";
        if (after is not null)
        {
            keyset = "where (k1, k2, k3, k4, k5) > (?, ?, ?, ?, ?)";
            parameters.AddRange([after.Gaps, after.Shortfall, after.PredikatRank, after.BoxFromTop, after.Nip]);
        }

        var page = $"""
            select id, k1, k2, k3, k4, k5 from (
              select c.id, {gaps} as k1, {shortfall} as k2, c.predikat_rank as k3, {CandidateKey.NineBoxTop} - c.box_number as k4, c.nip as k5
              from {session.TableOf<CandidateProfile>()} c {lateral}
              where c.potential is not null and (c.ended_on is null or c.ended_on > ?)
            ) x {keyset}
            order by k1, k2, k3, k4, k5 limit {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        return await ProfilesOf(page, ["k1", "k2", "k3", "k4", "k5"], parameters, ct);
    }

    /// <summary>The talent profiles of a page of candidate ids, in the page's order (its sort keys).</summary>
    private async Task<IReadOnlyList<TalentProfile>> ProfilesOf(string page, IEnumerable<string> keys, List<object> parameters, CancellationToken ct)
    {
        var sql = $"""
            select t.data from ({page}) page join {session.TableOf<TalentProfile>()} t on t.id = page.id
            order by {string.Join(", ", keys.Select(k => "page." + k))}
            """;
        return await session.QueryAsync<TalentProfile>(sql, ct, [.. parameters]);
    }
}
