using Kinerja.Application.Common;
using Kinerja.Domain.Employees;

namespace Kinerja.Application.Employees;

/// <summary>The one path every write to an existing employee takes: resolve the NIP, fetch at the caller's version, decide, commit.</summary>
public sealed class EmployeeStreams(IEventStore store, IEmployeeDirectory directory, TimeProvider clock)
{
    public async Task<Written> Decide(
        string nip, string? reason, Func<Employee, DateTimeOffset, Task<IReadOnlyList<object>>> decide, CancellationToken ct)
    {
        var profile = await directory.Addressed(nip, ct);
        var currentNip = profile.Nip;
        var version = await store.Decide<Employee>(profile.Id, () => EmployeeRules.NotFound(nip), async employee =>
        {
            var events = await decide(employee, clock.GetUtcNow());
            currentNip = events.OfType<NipCorrected>().LastOrDefault()?.Nip ?? currentNip;
            return events;
        }, ct, WriteLock.Optimistic, reason);
        return new Written(profile.Id, version, currentNip);
    }

    public Task<Written> Decide(string nip, string? reason, Func<Employee, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) =>
        Decide(nip, reason, (employee, now) => Task.FromResult(decide(employee, now)), ct);
}
