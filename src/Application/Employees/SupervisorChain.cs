using Kinerja.Application.Common;
using Kinerja.Domain.Employees;

namespace Kinerja.Application.Employees;

/// <summary>Names a supervisor from an effective date, with the line above them that the no-circle rule needs.</summary>
public sealed class SupervisorChain(IEventStore store)
{
    public async Task<IReadOnlyList<object>> Change(
        Employee employee, Employee? supervisor, DateOnly effectiveOn, SupervisorBasis basis, DateTimeOffset now, CancellationToken ct) =>
        EmployeeDecisions.ChangeSupervisor(employee, supervisor, await ChainAbove(supervisor, effectiveOn, ct), effectiveOn, now, basis);

    private Task<IReadOnlyList<Guid>> ChainAbove(Employee? supervisor, DateOnly on, CancellationToken ct) =>
        Walk(supervisor, on, async id => await store.Load<Employee>(id, ct));

    /// <summary>The superiors above <paramref name="supervisor"/> on the date, nearest first; stops at the top or at a circle already recorded.</summary>
    public static async Task<IReadOnlyList<Guid>> Walk(Employee? supervisor, DateOnly on, Func<Guid, ValueTask<Employee?>> load)
    {
        var chain = new List<Guid>();
        var next = supervisor?.SupervisorOn(on)?.SupervisorId;
        while (next is { } id && !chain.Contains(id) && chain.Count < MaxDepth)
        {
            chain.Add(id);
            next = (await load(id))?.SupervisorOn(on)?.SupervisorId;
        }

        return chain;
    }

    /// <summary>Far deeper than any line of superiors in a city government (walikota → sekda → kepala dinas → ...).</summary>
    public const int MaxDepth = 64;
}
