using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.FollowUps;

/// <summary>
/// An employee's tindak lanjut across cycles: awards granted, support plans (the latest per cycle) and their completions. A stream
/// of its own beside the registry's, so follow-ups neither move the employee's ETag nor enter the registry's replay.
/// </summary>
public sealed record FollowUp(
    Guid Id, Guid EmployeeId, IReadOnlyList<AwardGranted> Awards, IReadOnlyList<SupportPlanRecorded> SupportPlans, IReadOnlyList<SupportPlanCompleted>? Completions = null)
{
    /// <summary>Derived from the employee, so two first follow-ups race for one stream and the store lets one start it.</summary>
    public static Guid IdFor(Guid employeeId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"kinerja/follow-up/{employeeId:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public SupportPlanRecorded? SupportPlanIn(Guid cycleId) => SupportPlans.FirstOrDefault(p => p.CycleId == cycleId);

    public SupportPlanCompleted? CompletionIn(Guid cycleId) => Completions?.FirstOrDefault(c => c.CycleId == cycleId);

    public static FollowUp Evolve(FollowUp? state, object @event) => (state ?? Empty(@event), @event) switch
    {
        (var s, AwardGranted e) => s with { Awards = [.. s.Awards, e] },
        (var s, SupportPlanRecorded e) => s with { SupportPlans = [.. s.SupportPlans.Where(p => p.CycleId != e.CycleId), e] },
        (var s, SupportPlanCompleted e) => s with { Completions = [.. s.Completions ?? [], e] },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to follow-up {state?.Id}."),
    };

    private static FollowUp Empty(object @event) => @event is IEmployeeEvent e
        ? new FollowUp(IdFor(e.EmployeeId), e.EmployeeId, [], [])
        : throw new InvalidDataException($"{@event.GetType().Name} cannot start a follow-up stream.");
}
