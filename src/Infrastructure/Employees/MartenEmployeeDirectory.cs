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

    public Task<IReadOnlyList<EmployeeProfile>> ActedForBy(Guid actingId, CancellationToken ct) =>
        session.WithListElement<EmployeeProfile>("actingOfficials", "actingId", [actingId], ct);

    public async Task<IReadOnlyList<EmployeeProfile>> List(EmployeeFilter filter, CancellationToken ct)
    {
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

        if (filter.Search is { } search)
        {
            query = query.Where(p => p.FullName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || p.LatestPositionTitle.Contains(search, StringComparison.OrdinalIgnoreCase) || p.Nip.StartsWith(search));
        }

        if (filter.ByName)
        {
            if (filter is { AfterName: { } name, AfterNip: { } nip })
            {
                query = query.Where(p => string.Compare(p.FullName, name) > 0 || (p.FullName == name && string.Compare(p.Nip, nip) > 0));
            }

            return await query.OrderBy(p => p.FullName).ThenBy(p => p.Nip).Take(filter.Limit).ToListAsync(ct);
        }

        if (filter.SupervisorId is { } supervisor)
        {
            query = query.Where(p => p.LatestSupervisorId == supervisor);
        }

        if (filter.AfterNip is { } after)
        {
            query = query.Where(p => string.Compare(p.Nip, after) > 0);
        }

        return await query.OrderBy(p => p.Nip).Take(filter.Limit).ToListAsync(ct);
    }
}
