using Kinerja.Application.Appraisals;
using Kinerja.Application.Employees;
using Kinerja.Domain.Cycles;
using Marten;

namespace Kinerja.Infrastructure.Appraisals;

/// <summary>The cycle's state document and the employee's profile in one batched query.</summary>
internal sealed class MartenAppraisalAddresses(IQuerySession session) : IAppraisalAddresses
{
    public async Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> Find(Guid cycleId, string nip, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var cycle = batch.Load<AppraisalCycle>(cycleId);
        var profile = batch.Query<EmployeeProfile>().Where(p => p.Nip == nip).SingleOrDefault();
        await batch.Execute(ct);
        return (await cycle, await profile);
    }
}
