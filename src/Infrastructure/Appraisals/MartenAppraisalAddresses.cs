using Kinerja.Application.Appraisals;
using Kinerja.Application.Employees;
using Kinerja.Domain.Cycles;
using Kinerja.Infrastructure.Common;
using Marten;
using Marten.Services.BatchQuerying;

namespace Kinerja.Infrastructure.Appraisals;

/// <summary>The cycle's state document and the employee's profile in one batched query.</summary>
internal sealed class MartenAppraisalAddresses(Tenancy.TenantSessions sessions, MartenEventStore store) : IAppraisalAddresses
{
    public async Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> Find(Guid cycleId, string nip, CancellationToken ct)
    {
        await using var session = sessions.Read();
        return await Find(session.CreateBatchQuery(), cycleId, nip, ct);
    }

    public async Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> FindForWriting(Guid cycleId, string nip, CancellationToken ct) =>
        await Find(await store.WriteBatch(ct), cycleId, nip, ct);

    private static async Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> Find(IBatchedQuery batch, Guid cycleId, string nip, CancellationToken ct)
    {
        var cycle = batch.Load<AppraisalCycle>(cycleId);
        var profile = batch.Query<EmployeeProfile>().Where(p => p.Nip == nip).SingleOrDefault();
        await batch.Execute(ct);
        return (await cycle, await profile);
    }
}
