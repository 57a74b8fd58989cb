using Kinerja.Application.Appraisals;
using Kinerja.Application.Cycles;

namespace Kinerja.Application.Talent;

/// <summary>An appraisal with the cycle it belongs to.</summary>
public sealed record AppraisedCycle(AppraisalRecord Appraisal, CycleRecord Cycle);

/// <summary>Reads the inline appraisal records across cycles, for the strengths-and-weaknesses trend.</summary>
public interface IStrengthsEvidence
{
    /// <summary>Every appraisal of the employee with its cycle, oldest period first (then by cycle id for cycles starting the same day).</summary>
    Task<IReadOnlyList<AppraisedCycle>> AppraisalsOf(Guid employeeId, CancellationToken ct);
}
