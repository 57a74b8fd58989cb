using Kinerja.Application.Appraisals;
using Kinerja.Application.Cycles;
using Kinerja.Application.Talent;
using Kinerja.Infrastructure.Appraisals;
using Marten;

namespace Kinerja.Infrastructure.Talent;

internal sealed class MartenStrengthsEvidence(IQuerySession session) : IStrengthsEvidence
{
    public async Task<IReadOnlyList<AppraisedCycle>> AppraisalsOf(Guid employeeId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var records = batch.Query<AppraisalRecord>().Where(a => a.EmployeeId == employeeId).ToList();
        var standings = batch.Query<AppraisalStanding>().Where(a => a.EmployeeId == employeeId).ToList();
        await batch.Execute(ct);
        var appraisals = MartenAppraisalDirectory.Joined(await records, await standings);
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
