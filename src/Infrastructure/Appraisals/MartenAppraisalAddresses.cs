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
        var found = Enqueue(batch, cycleId, nip);
        await batch.Execute(ct);
        return await found();
    }

    /// <summary>The look-up added to a batch that may carry more (a public feedback's rows); awaited once the batch has run.</summary>
    internal static Func<Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)>> Enqueue(IBatchedQuery batch, Guid cycleId, string nip)
    {
        var cycle = batch.Load<AppraisalCycle>(cycleId);
        var profile = batch.Query<EmployeeProfile>().Where(p => p.Nip == nip).SingleOrDefault();
        return async () => (await cycle, await profile);
    }
}
