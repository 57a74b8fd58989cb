using Kinerja.Application.Employees;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Appraisals;

/// <summary>What a route's cycle id and NIP name, looked up together (one round trip on the hot write paths).</summary>
public interface IAppraisalAddresses
{
    /// <returns>The cycle and the employee holding the NIP now; either is null when there is none.</returns>
    Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile)> Find(Guid cycleId, string nip, CancellationToken ct);
}
