using System.Globalization;
using Kinerja.Application.Employees;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Employees;

internal sealed class MartenEmployeeDirectory(IQuerySession session) : IEmployeeDirectory
{
    public Task<EmployeeProfile?> Find(Guid id, CancellationToken ct) => session.LoadAsync<EmployeeProfile>(id, ct);

    public Task<EmployeeProfile?> FindByNip(string nip, CancellationToken ct) =>
        session.Query<EmployeeProfile>().FirstOrDefaultAsync(p => p.Nip == nip, ct);

    /// <summary>Two primary-key reads: the former NIP's holder, then their profile (a scan of the profiles' histories grew with the registry).</summary>
    public async Task<EmployeeProfile?> FindByFormerNip(string nip, CancellationToken ct) =>
        await session.LoadAsync<FormerNipHolder>(nip, ct) is { } holder ? await session.LoadAsync<EmployeeProfile>(holder.EmployeeId, ct) : null;

    public async Task<IReadOnlyList<EmployeeProfile>> FindMany(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await session.LoadManyAsync<EmployeeProfile>(ct, ids);

    public async Task<IReadOnlyList<EmployeeProfile>> ContractsEnding(DateOnly from, DateOnly to, int offset, int limit, CancellationToken ct) =>
        await session.Query<EmployeeProfile>()
            .Where(p => p.EndedOn == null && p.ContractEnd >= from && p.ContractEnd <= to)
            .OrderBy(p => p.ContractEnd).ThenBy(p => p.Nip).Skip(offset).Take(limit).ToListAsync(ct);

    public Task<IReadOnlyList<EmployeeProfile>> EverReportingTo(IReadOnlyCollection<Guid> superiorIds, CancellationToken ct) =>
        session.WithListElement<EmployeeProfile>("supervisors", "supervisorId", superiorIds, ct);

    /// <summary>
    /// Ordered and cut by PostgreSQL, so a page of a supervisor's staff deserializes a page of profiles: all 462 of a province's
    /// busiest supervisor were read for a page of 50 (docs/decisions/154). The staff are found first through the GIN index on the
    /// list (the containment test of DocumentTables.WithListElement) and only then sorted: left to itself the planner, misjudging
    /// how many match, walked the NIP index instead and tested 4,686 profiles to fill a page of 51 (35 ms against 1 ms).
    /// </summary>
    public Task<IReadOnlyList<EmployeeProfile>> EverReportingTo(Guid superiorId, string? afterNip, int count, CancellationToken ct)
    {
        var table = session.TableOf<EmployeeProfile>();
        var after = afterNip is null ? "" : "and d.data ->> 'nip' > ?";
        object[] parameters = afterNip is null ? [superiorId.ToString()] : [superiorId.ToString(), afterNip];
        return session.QueryAsync<EmployeeProfile>(
            $"""
            with staff as materialized (
              select d.id, d.data ->> 'nip' as nip from {table} d
              where {DocumentTables.ListHolds("d", "supervisors", "supervisorId", "?::text")} {after}
            )
            select d.data from (select id, nip from staff order by nip limit {count.ToString(CultureInfo.InvariantCulture)}) page
            join {table} d on d.id = page.id order by page.nip
            """,
            ct,
            parameters);
    }

    public Task<IReadOnlyList<EmployeeProfile>> ActedForBy(Guid actingId, CancellationToken ct) =>
        session.WithListElement<EmployeeProfile>("actingOfficials", "actingId", [actingId], ct);

    public async Task<IReadOnlyList<EmployeeProfile>> List(EmployeeFilter filter, CancellationToken ct)
    {
        if (filter.Search is { } search)
        {
            return await Search(filter, search, ct);
        }

        var query = session.Query<EmployeeProfile>().AsQueryable();
        if (filter.UnitCode is { } unit)
        {
            query = query.Where(p => p.LatestUnitCode == unit);
        }

        if (filter.UnitCodes is { } units)
        {
            var codes = units.ToArray();
            query = query.Where(p => codes.Contains(p.LatestUnitCode));
        }

        // A supervisor's list keeps to their staff in every order (access scope, ListEmployees).
        if (filter.SupervisorId is { } supervisor)
        {
            query = query.Where(p => p.LatestSupervisorId == supervisor);
        }

        if (filter.ByName)
        {
            if (filter is { AfterName: { } name, AfterNip: { } nip })
            {
                query = query.Where(p => string.Compare(p.FullName, name) > 0 || (p.FullName == name && string.Compare(p.Nip, nip) > 0));
            }

            return await query.OrderBy(p => p.FullName).ThenBy(p => p.Nip).Take(filter.Limit).ToListAsync(ct);
        }

        if (filter.AfterNip is { } after)
        {
            query = query.Where(p => string.Compare(p.Nip, after) > 0);
        }

        return await query.OrderBy(p => p.Nip).Take(filter.Limit).ToListAsync(ct);
    }

    /// <summary>
    /// The list with <see cref="EmployeeFilter.Search"/>: the same profiles in the same order as the list's LINQ gives with
    /// <c>FullName.Contains(q, OrdinalIgnoreCase) || LatestPositionTitle.Contains(q, OrdinalIgnoreCase) || Nip.StartsWith(q)</c> (ILIKE
    /// '%q%', ILIKE '%q%', LIKE 'q%', with Marten's escaping of <c>\ % _</c>), tested on the narrow rows of <see cref="EmployeeSearchRows"/>
    /// (lowered name and title: <c>lower(x) LIKE lower(p)</c> is how PostgreSQL evaluates <c>x ILIKE p</c> in a UTF-8 database). The page is
    /// cut from those rows and only its profiles are read whole (docs/decisions/175). Registry-wide, PostgreSQL walks the NIP index for a
    /// common term (page / share entries, whatever the registry's size) or takes a rare term's matches from the trigram indexes; within a
    /// unit or a supervisor's staff it takes that group's matches first (a materialized CTE), as a walk of the whole registry's NIPs found
    /// none of a term common elsewhere in a unit (37.7 ms for "guru" in SETDA against 1.2 ms).
    /// </summary>
    private Task<IReadOnlyList<EmployeeProfile>> Search(EmployeeFilter filter, string search, CancellationToken ct)
    {
        var term = search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        var rows = $"{EmployeeSearchRows.Table(session)} s";
        var conditions = new List<string> { "(s.name like lower(?) or s.title like lower(?) or s.nip like ?)" };
        var parameters = new List<object> { $"%{term}%", $"%{term}%", $"{term}%" };
        if (filter.UnitCode is { } unit)
        {
            conditions.Add("s.unit_code = ?");
            parameters.Add(unit);
        }

        if (filter.UnitCodes is { } units)
        {
            conditions.Add("s.unit_code = any(?)");
            parameters.Add(units.ToArray());
        }

        var staff = filter.SupervisorId is not null;
        if (filter.SupervisorId is { } supervisor)
        {
            rows += $" join {session.TableOf<EmployeeProfile>()} p on p.id = s.id";
            conditions.Add("CAST(p.data ->> 'latestSupervisorId' as uuid) = ?");
            parameters.Add(supervisor);
        }

        var order = "nip";
        if (filter.ByName)
        {
            // As the LINQ list by name: the keyset after (name, NIP), and not the NIP cursor.
            if (filter is { AfterName: { } name, AfterNip: { } nip })
            {
                conditions.Add("(s.full_name > ? or (s.full_name = ? and s.nip > ?))");
                parameters.AddRange([name, name, nip]);
            }

            order = "full_name, nip";
        }
        else if (filter.AfterNip is { } after)
        {
            conditions.Add("s.nip > ?");
            parameters.Add(after);
        }

        // A unit's or a supervisor's group: its matches first, then the page of them.
        var grouped = filter.UnitCode is not null || filter.UnitCodes is not null || staff;
        var matches = $"select s.id, s.nip, s.full_name from {rows} where {string.Join(" and ", conditions)}";
        var limit = filter.Limit.ToString(CultureInfo.InvariantCulture);
        return session.QueryAsync<EmployeeProfile>(
            $"""
            {(grouped ? $"with grouped as materialized ({matches})" : "")}
            select d.data from ({(grouped ? "select * from grouped" : matches)} order by {order} limit {limit}) page
            join {session.TableOf<EmployeeProfile>()} d on d.id = page.id
            order by {(filter.ByName ? "page.full_name, page.nip" : "page.nip")}
            """,
            ct,
            [.. parameters]);
    }
}
