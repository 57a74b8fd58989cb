using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kinerja.Application.Talent;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Talent;

internal sealed partial class MartenTalentDirectory(IQuerySession session) : ITalentDirectory
{
    public Task<TalentProfile?> FindByNip(string nip, CancellationToken ct) =>
        session.Query<TalentProfile>().FirstOrDefaultAsync(p => p.Nip == nip, ct);

    /// <summary>
    /// The grid in one statement over the cycle's (or unit's) kept rows (<see cref="TalentGridRows"/>), whose place as of the cycle's
    /// period end is kept with them: the page is read in the grid's order from the rows' index, and the counts count that index's entries
    /// by place, nothing else read (docs/decisions/176). A row's kept place holds when it was taken at this period end from a potential
    /// recorded by <see cref="GridQuery.RecordedBy"/>; the few that do not (read from a range of another index, empty as a rule) are placed
    /// here as every row was before (decisions 157, 169), counted where they are placed and merged into the page. Only the page leaves the
    /// database; its size is written into the statement, as in the other keyset pages.
    /// </summary>
    public async Task<TalentGridSlice> Grid(GridQuery query, CancellationToken ct)
    {
        var parameters = new List<object>();
        var at = new Dictionary<string, object>
        {
            ["key"] = TalentProfile.GridKey(query.CycleId, query.UnitCode),
            ["day"] = query.PeriodEnd.DayNumber,
            ["by"] = query.RecordedBy?.UtcTicks ?? long.MaxValue,
        };
        // The same filter on the kept rows (by their place, which the page index is ordered by) and on those placed here, both named x.
        var filter = "";
        if (query.Box is { } box)
        {
            filter += " and x.place = @place";
            at["place"] = CandidateKey.NineBoxTop - box;
        }

        if (query.After is { } after)
        {
            filter += " and (x.place, x.nip) > (@afterPlace, @afterNip)";
            at["afterPlace"] = CandidateKey.NineBoxTop - after.Box;
            at["afterNip"] = after.Nip;
        }

        var rows = TalentGridRows.Table(session);
        var limit = query.Limit.ToString(CultureInfo.InvariantCulture);
        var inForce = TalentGridRows.InForce("x", "@day", "@by");
        var template = $"""
            with unheld as materialized (
              select x.nip, x.full_name, x.unit_code, x.predikat,
                {TalentGridRows.Place(TalentGridRows.Box("x.predikat", "x.potential_values[a.n]"))} as place,
                x.potential_values[a.n] as potential, x.potential_days[a.n] as assessed_day
              from (
                select * from {rows} x where x.grid_key = @key and x.box_day = @day and x.box_tick > @by
                union all select * from {rows} x where x.grid_key = @key and x.box_day < @day
                union all select * from {rows} x where x.grid_key = @key and x.box_day > @day
              ) x
              cross join lateral (select {inForce} as n) a
            )
            select jsonb_build_object(
              'counts', coalesce((select jsonb_agg(jsonb_build_object('box', s.box, 'count', s.n)) from (
                  select {TalentGridRows.BoxOf("c.place")} as box, count(*) as n from (
                    select x.place from {rows} x where x.grid_key = @key and x.box_day = @day and x.box_tick <= @by
                    union all select place from unheld
                  ) c group by c.place) s), '[]'),
              'page', coalesce((select jsonb_agg(jsonb_build_object('box', {TalentGridRows.BoxOf("p.place")}, 'nip', p.nip, 'fullName', p.full_name,
                  'unitCode', p.unit_code, 'predikat', p.predikat, 'potential', p.potential, 'assessedDay', p.assessed_day) order by p.place, p.nip)
                from (
                  select * from (
                    (select x.place, x.nip, x.full_name, x.unit_code, x.predikat, x.potential, x.assessed_day from {rows} x
                     where x.grid_key = @key and x.box_day = @day and x.box_tick <= @by{filter}
                     order by x.place, x.nip limit {limit})
                    union all
                    (select x.place, x.nip, x.full_name, x.unit_code, x.predikat, x.potential, x.assessed_day from unheld x where true{filter})
                  ) u order by u.place, u.nip limit {limit}) p), '[]'))
            """;
        var sql = Placeholders().Replace(template, m =>
        {
            parameters.Add(at[m.Groups[1].Value]);
            return "?";
        });
        var slice = (await session.QueryAsync<GridRows>(sql, ct, [.. parameters])).Single();
        return new TalentGridSlice(slice.Counts.ToDictionary(c => c.Box, c => c.Count), [.. slice.Page.Select(p => p.Placing())]);
    }

    /// <summary>A named value of the grid's statement, bound as the next positional parameter where it stands.</summary>
    [GeneratedRegex("@([A-Za-z]+)")]
    private static partial Regex Placeholders();

    private sealed record GridRows(IReadOnlyList<BoxTally> Counts, IReadOnlyList<GridRow> Page);

    private sealed record BoxTally(int Box, int Count);

    /// <summary>A page's row as the statement placed it: its box, the final's predikat and unit, and the potential it took the box from.</summary>
    private sealed record GridRow(int Box, string Nip, string FullName, string UnitCode, int Predikat, int? Potential, int? AssessedDay)
    {
        public GridPlacing Placing() => new(Box, Nip, FullName, UnitCode, (Predikat)Predikat,
            Potential is { } potential && AssessedDay is { } day ? new GridPotential((Potential)potential, DateOnly.FromDayNumber(day)) : null);
    }

    /// <summary>
    /// The placement order of PlacementMatching, computed by PostgreSQL over the narrow candidate profiles so that only
    /// one page leaves the database: the path distance, then per requirement the known level (null when never assessed:
    /// unknown, not a failure) giving the weight unmet, the weighted shortfall of the known gaps and the weight unassessed,
    /// the predikat rank and the box, and the NIP, all ascending; a position below the grade held is left out (no
    /// step-downs, docs/decisions/100). The page's talent profiles are joined at the end. Minimum levels (validated integers
    /// 1-5), weights, the grade and the limit are written into the statement, so a prepared statement's generic plan still
    /// knows it reads one page; codes and paths are parameters. With a GIN index on the levels reached, a first page of
    /// those on the position's path meeting every requirement needs no scoring (docs/decisions/063).
    /// </summary>
    public async Task<IReadOnlyList<TalentProfile>> Candidates(PlacementTarget target, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        // Those on the path who meet every requirement come before everybody else. When there are enough of them after the
        // cursor to fill the page, the page is theirs, in the remaining keys' order, and only they are read.
        if (target.Requirements.Count > 0 && (after is null || after.MeetsAllOnPath)
            && await MeetingAll(target, on, after, limit, ct) is { } page && page.Count == limit)
        {
            return page;
        }

        return await Scored(target, on, after, limit, ct);
    }

    /// <summary>Active, assessed, and the position no step-down for them.</summary>
    private static string Eligible(PlacementTarget target, List<object> parameters, DateOnly on)
    {
        parameters.Add(on);
        var grade = target.Grade is { } g ? string.Create(CultureInfo.InvariantCulture, $" and c.grade <= {g}") : "";
        return $"c.potential is not null and (c.ended_on is null or c.ended_on > ?){grade}";
    }

    private async Task<IReadOnlyList<TalentProfile>> MeetingAll(PlacementTarget target, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        var reached = target.Requirements.Select(r => CandidateProfile.Reached(r.Code, r.MinLevel)).ToArray();
        var parameters = new List<object> { reached };
        var where = Eligible(target, parameters, on);
        if (target.Path is { } path)
        {
            where += " and c.path = ?";
            parameters.Add(path.Path);
        }

        if (after is not null)
        {
            where += $" and (c.predikat_rank, {CandidateKey.NineBoxTop} - c.box_number, c.nip) > (?, ?, ?)";
            parameters.AddRange([after.PredikatRank, after.BoxFromTop, after.Nip]);
        }

        var page = $"""
            select c.id, c.predikat_rank as k5, {CandidateKey.NineBoxTop} - c.box_number as k6, c.nip as k7
            from {session.TableOf<CandidateProfile>()} c
            where c.levels_reached @> ?::varchar[] and {where}
            order by k5, k6, k7 limit {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        return await ProfilesOf(page, ["k5", "k6", "k7"], parameters, ct);
    }

    private async Task<IReadOnlyList<TalentProfile>> Scored(PlacementTarget target, DateOnly on, CandidateKey? after, int limit, CancellationToken ct)
    {
        // Parameters in the order their placeholders appear: the path (select list), the codes (lateral), the filter, the keyset.
        var parameters = new List<object>();
        var distance = "0";
        if (target.Path is { } path)
        {
            distance = "case when c.path = ? then 0 when c.rumpun = ? then 1 else 2 end";
            parameters.AddRange([path.Path, path.Rumpun]);
        }

        var levels = new StringBuilder();
        var unmet = new StringBuilder("0");
        var shortfall = new StringBuilder("0");
        var unknown = new StringBuilder("0");
        for (var i = 0; i < target.Requirements.Count; i++)
        {
            var min = target.Requirements[i].MinLevel.ToString(CultureInfo.InvariantCulture);
            var weight = PlacementRules.Weight(target.Requirements[i].Code).ToString(CultureInfo.InvariantCulture);
            levels.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"c.level_values[array_position(c.level_codes, ?::varchar)] as l{i}");
            parameters.Add(target.Requirements[i].Code);
            unmet.Append(CultureInfo.InvariantCulture, $" + {weight} * (not coalesce(l.l{i} >= {min}, false))::int");
            shortfall.Append(CultureInfo.InvariantCulture, $" + {weight} * greatest({min} - coalesce(l.l{i}, {min}), 0)");
            unknown.Append(CultureInfo.InvariantCulture, $" + {weight} * (l.l{i} is null)::int");
        }

        var lateral = target.Requirements.Count == 0 ? "" : $"cross join lateral (select {levels}) l";
        var where = Eligible(target, parameters, on);
        var keyset = "";
        if (after is not null)
        {
            keyset = "where (k0, k1, k2, k3, k5, k6, k7) > (?, ?, ?, ?, ?, ?, ?)";
            parameters.AddRange([after.PathDistance, after.UnmetWeight, after.WeightedShortfall, after.UnknownWeight, after.PredikatRank, after.BoxFromTop, after.Nip]);
        }

        var page = $"""
            select id, k0, k1, k2, k3, k5, k6, k7 from (
              select c.id, {distance} as k0, {unmet} as k1, {shortfall} as k2, {unknown} as k3,
                c.predikat_rank as k5, {CandidateKey.NineBoxTop} - c.box_number as k6, c.nip as k7
              from {session.TableOf<CandidateProfile>()} c {lateral}
              where {where}
            ) x {keyset}
            order by k0, k1, k2, k3, k5, k6, k7 limit {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        return await ProfilesOf(page, ["k0", "k1", "k2", "k3", "k5", "k6", "k7"], parameters, ct);
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
