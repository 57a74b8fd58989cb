using Kinerja.Domain.Employees;

namespace Kinerja.Application.Employees;

public sealed record FormerNip(string Nip, string Reason, DateTimeOffset ReplacedAt);

/// <summary>
/// The registry's read model of one ASN, kept in the same transaction as the events (inline), so
/// lookups by NIP are never stale and the NIP's uniqueness is enforced by the store's index.
/// </summary>
public sealed record EmployeeProfile(
    Guid Id,
    string Nip,
    string FullName,
    EmploymentType EmploymentType,
    DateOnly StartDate,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<SupervisorPeriod> Supervisors,
    IReadOnlyList<FormerNip> FormerNips,
    CompetencyAssessed? LatestAssessment,
    DateOnly? EndedOn,
    EmploymentEndReason? EndReason,
    IReadOnlyList<ActingPeriod>? ActingOfficials = null,
    IReadOnlyList<PppkContract>? Contracts = null)
{
    /// <summary>The unit of the latest-effective placement: the one the list filter by unit uses.</summary>
    public string LatestUnitCode => Effective.On(Placements, p => p.EffectiveFrom, DateOnly.MaxValue)?.UnitCode ?? "";

    /// <summary>The position title of the latest-effective placement: what the registry search by position matches.</summary>
    public string LatestPositionTitle => Effective.On(Placements, p => p.EffectiveFrom, DateOnly.MaxValue)?.Position.Title ?? "";

    /// <summary>The supervisor of the latest-effective assignment: the one the list filter by supervisor uses.</summary>
    public Guid? LatestSupervisorId => Effective.On(Supervisors, s => s.EffectiveFrom, DateOnly.MaxValue)?.SupervisorId;

    public Placement? PlacementOn(DateOnly date) => Effective.On(Placements, p => p.EffectiveFrom, date);

    public SupervisorPeriod? SupervisorOn(DateOnly date) => Effective.On(Supervisors, s => s.EffectiveFrom, date);

    /// <summary>Whether <paramref name="actingId"/> acts for this employee (Plt/Plh) on the date.</summary>
    public bool ActedForBy(Guid actingId, DateOnly date) => (ActingOfficials ?? []).Any(a => a.ActingId == actingId && a.Covers(date));

    /// <summary>The latest agreement's end: the date a PPPK's employment runs to unless renewed.</summary>
    public DateOnly? ContractEnd => Contracts is { Count: > 0 } c ? c.Max(x => x.EndsOn) : null;

    /// <summary>The fold both the inline projection and the audit's as-of replay use.</summary>
    public static EmployeeProfile Evolve(EmployeeProfile? snapshot, object @event) => (snapshot, @event) switch
    {
        (null, EmployeeRegistered r) => new EmployeeProfile(
            r.EmployeeId, r.Nip, r.FullName, r.EmploymentType, r.StartDate,
            [new Placement(r.UnitId, r.UnitCode, r.Position, r.Golongan, r.StartDate)],
            [new SupervisorPeriod(r.SupervisorId, r.SupervisorNip, r.StartDate)],
            [], null, null, null),
        (not null, EmployeeTransferred t) => snapshot with
        {
            Placements = [.. snapshot.Placements, new Placement(t.UnitId, t.UnitCode, t.Position, t.Golongan, t.EffectiveOn)],
        },
        (not null, SupervisorChanged s) => snapshot with
        {
            Supervisors = [.. snapshot.Supervisors, new SupervisorPeriod(s.SupervisorId, s.SupervisorNip, s.EffectiveOn, s.Basis)],
        },
        (not null, ActingOfficialAssigned a) => snapshot with { ActingOfficials = [.. snapshot.ActingOfficials ?? [], a.Period] },
        (not null, ContractRecorded c) => snapshot with { Contracts = [.. snapshot.Contracts ?? [], c.Contract] },
        (not null, NipCorrected n) => snapshot with
        {
            Nip = n.Nip,
            FormerNips = [.. snapshot.FormerNips, new FormerNip(n.PreviousNip, n.Reason, n.CorrectedAt)],
        },
        (not null, CompetencyAssessed a) => snapshot with { LatestAssessment = a },
        (not null, EmploymentEnded x) => snapshot with { EndedOn = x.EffectiveOn, EndReason = x.Reason },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to employee profile {snapshot?.Id}."),
    };
}

/// <summary>
/// <paramref name="UnitCodes"/>: any of these units (a unit with its sub-units); <paramref name="Search"/>: a name or position title
/// containing it (any case) or a NIP starting with it; <paramref name="ByName"/>: ordered by name then NIP, keyset after
/// (<paramref name="AfterName"/>, <paramref name="AfterNip"/>), else by NIP after <paramref name="AfterNip"/>.
/// </summary>
public sealed record EmployeeFilter(
    string? UnitCode, Guid? SupervisorId, string? AfterNip, int Limit,
    IReadOnlyCollection<string>? UnitCodes = null, string? Search = null, bool ByName = false, string? AfterName = null);

public interface IEmployeeDirectory
{
    Task<EmployeeProfile?> Find(Guid id, CancellationToken ct);

    Task<EmployeeProfile?> FindByNip(string nip, CancellationToken ct);

    /// <summary>The employee who held this NIP before a correction (PPPK re-contract).</summary>
    Task<EmployeeProfile?> FindByFormerNip(string nip, CancellationToken ct);

    Task<IReadOnlyList<EmployeeProfile>> FindMany(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Ordered by NIP; keyset paging after <see cref="EmployeeFilter.AfterNip"/>.</summary>
    Task<IReadOnlyList<EmployeeProfile>> List(EmployeeFilter filter, CancellationToken ct);

    /// <summary>PPPK whose latest agreement ends between the dates (both included), soonest first, then by NIP.</summary>
    Task<IReadOnlyList<EmployeeProfile>> ContractsEnding(DateOnly from, DateOnly to, int offset, int limit, CancellationToken ct);

    /// <summary>Everyone whose supervisor history names one of the superiors at any date: the caller picks who reports to them on a date.</summary>
    Task<IReadOnlyList<EmployeeProfile>> EverReportingTo(IReadOnlyCollection<Guid> superiorIds, CancellationToken ct);

    /// <summary>The next <paramref name="count"/> by NIP after <paramref name="afterNip"/> (from the first when null) of those whose supervisor history names the superior.</summary>
    Task<IReadOnlyList<EmployeeProfile>> EverReportingTo(Guid superiorId, string? afterNip, int count, CancellationToken ct);

    /// <summary>The officials for whom the employee is recorded as Plt/Plh at any date: the caller picks the periods that cover a date.</summary>
    Task<IReadOnlyList<EmployeeProfile>> ActedForBy(Guid actingId, CancellationToken ct);
}
