using Kinerja.Application.Common;
using Kinerja.Domain.Employees;

namespace Kinerja.Application.Employees;

/// <summary>The one path every write to an existing employee takes: resolve the NIP, fetch at the caller's version, decide, commit.</summary>
public sealed class EmployeeStreams(IEventStore store, IEmployeeDirectory directory, TimeProvider clock)
{
    public async Task<Written> Decide(
        string nip, long? expectedVersion, string? reason, Func<Employee, DateTimeOffset, Task<IReadOnlyList<object>>> decide, CancellationToken ct)
    {
        var profile = await directory.Addressed(nip, ct);
        var stream = await store.FetchForWriting<Employee>(profile.Id, expectedVersion, ct);
        var events = await decide(stream.State!, clock.GetUtcNow());
        stream.Append(events);
        await store.SaveChanges(reason, ct);
        var currentNip = events.OfType<NipCorrected>().LastOrDefault()?.Nip ?? profile.Nip;
        return new Written(profile.Id, stream.Version + events.Count, currentNip);
    }

    public Task<Written> Decide(string nip, long? expectedVersion, string? reason, Func<Employee, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) =>
        Decide(nip, expectedVersion, reason, (employee, now) => Task.FromResult(decide(employee, now)), ct);
}
