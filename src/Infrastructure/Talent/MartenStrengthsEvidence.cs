using Kinerja.Application.Appraisals;
using Kinerja.Application.Cycles;
using Kinerja.Application.Talent;
using Marten;

namespace Kinerja.Infrastructure.Talent;

internal sealed class MartenStrengthsEvidence(IQuerySession session) : IStrengthsEvidence
{
    public async Task<IReadOnlyList<AppraisedCycle>> AppraisalsOf(Guid employeeId, CancellationToken ct)
    {
        var appraisals = await session.Query<AppraisalRecord>().Where(a => a.EmployeeId == employeeId).ToListAsync(ct);
        if (appraisals.Count == 0)
        {
            return [];
        }

        var cycles = (await session.LoadManyAsync<CycleRecord>(ct, appraisals.Select(a => a.CycleId).Distinct())).ToDictionary(c => c.Id);
        return [.. appraisals
            .Where(a => cycles.ContainsKey(a.CycleId))
            .Select(a => new AppraisedCycle(a, cycles[a.CycleId]))
            .OrderBy(x => x.Cycle.PeriodStart)
            .ThenBy(x => x.Cycle.Id)];
    }
}
