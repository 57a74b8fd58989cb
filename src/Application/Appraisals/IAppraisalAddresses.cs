using Kinerja.Application.Employees;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Appraisals;

/// <summary>What a route's cycle id and NIP name, looked up together (one round trip on the hot write paths).</summary>
public interface IAppraisalAddresses
{
    /// <returns>The cycle and the employee holding the NIP now; either is null when there is none.</returns>
    Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> Find(Guid cycleId, string nip, CancellationToken ct);

    /// <summary>
    /// <see cref="Find"/> for a write to the appraisal: on the connection of the scope's unit of work (<see cref="Common.IEventStore"/>),
    /// in the transaction that then locks the stream, so the write takes one pooled session instead of two (docs/decisions/164).
    /// </summary>
    Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> FindForWriting(Guid cycleId, string nip, CancellationToken ct);
}
