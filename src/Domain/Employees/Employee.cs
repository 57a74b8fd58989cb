namespace Kinerja.Domain.Employees;

public sealed record Placement(Guid UnitId, string UnitCode, Position Position, string? Golongan, DateOnly EffectiveFrom);

/// <param name="Basis">How the superior was set: named, or derived from the unit's head at a transfer; null before it was recorded.</param>
public sealed record SupervisorPeriod(Guid? SupervisorId, string? SupervisorNip, DateOnly EffectiveFrom, SupervisorBasis? Basis = null);

/// <summary>An acting official (Plt/Plh) who acts for this employee, as superior, from <paramref name="From"/> to <paramref name="To"/> (both included).</summary>
public sealed record ActingPeriod(Guid ActingId, string ActingNip, ActingKind Kind, DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// An ASN as the registry's decisions see them. Placements and supervisors are kept as dated
/// histories because entries may be back-dated: "who was the superior on 30 June" must be answerable.
/// </summary>
public sealed record Employee(
    Guid Id,
    string Nip,
    EmploymentType EmploymentType,
    DateOnly StartDate,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<SupervisorPeriod> Supervisors,
    CompetencyAssessed? LatestAssessment,
    DateOnly? EndedOn,
    IReadOnlyList<ActingPeriod>? ActingOfficials = null,
    IReadOnlyList<PppkContract>? Contracts = null)
{
    public Placement? PlacementOn(DateOnly date) => Effective.On(Placements, p => p.EffectiveFrom, date);

    public SupervisorPeriod? SupervisorOn(DateOnly date) => Effective.On(Supervisors, s => s.EffectiveFrom, date);

    /// <summary>Whether <paramref name="actingId"/> acts for this employee (Plt/Plh) on the date.</summary>
    public bool ActedForBy(Guid actingId, DateOnly date) => (ActingOfficials ?? []).Any(a => a.ActingId == actingId && a.Covers(date));

    public PppkContract? ContractOn(DateOnly date) => (Contracts ?? []).LastOrDefault(c => c.Covers(date));

    public bool EmployedOn(DateOnly date) => date >= StartDate && (EndedOn is not { } end || date < end);

    public static Employee Evolve(Employee? state, object @event) => (state, @event) switch
    {
        (null, EmployeeRegistered e) => new Employee(
            e.EmployeeId, e.Nip, e.EmploymentType, e.StartDate,
            [new Placement(e.UnitId, e.UnitCode, e.Position, e.Golongan, e.StartDate)],
            [new SupervisorPeriod(e.SupervisorId, e.SupervisorNip, e.StartDate)],
            null, null),
        (not null, EmployeeTransferred e) => state with
        {
            Placements = [.. state.Placements, new Placement(e.UnitId, e.UnitCode, e.Position, e.Golongan, e.EffectiveOn)],
        },
        (not null, SupervisorChanged e) => state with
        {
            Supervisors = [.. state.Supervisors, new SupervisorPeriod(e.SupervisorId, e.SupervisorNip, e.EffectiveOn, e.Basis)],
        },
        (not null, ActingOfficialAssigned e) => state with { ActingOfficials = [.. state.ActingOfficials ?? [], e.Period] },
        (not null, ContractRecorded e) => state with { Contracts = [.. state.Contracts ?? [], e.Contract] },
        (not null, NipCorrected e) => state with { Nip = e.Nip },
        (not null, CompetencyAssessed e) => state with { LatestAssessment = e },
        (not null, EmploymentEnded e) => state with { EndedOn = e.EffectiveOn },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to employee state {(state is null ? "before registration" : state.Id)}."),
    };
}

/// <summary>Dated histories: the entry in force on a date is the latest effective on or before it; of two with the same date, the later recorded.</summary>
public static class Effective
{
    public static T? On<T>(IEnumerable<T> history, Func<T, DateOnly> from, DateOnly date) where T : class
    {
        T? found = null;
        foreach (var item in history)
        {
            if (from(item) <= date && (found is null || from(item) >= from(found)))
            {
                found = item;
            }
        }

        return found;
    }
}
