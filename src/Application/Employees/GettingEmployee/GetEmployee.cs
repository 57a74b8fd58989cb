using Kinerja.Application.Common;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.GettingEmployee;

public sealed record EmployeeSummary(string Nip, string FullName);

public sealed record PlacementView(string UnitCode, Position Position, string? Golongan, DateOnly EffectiveFrom);

/// <param name="Basis">Named, or derived from the unit's head at a transfer; null for entries recorded before the basis was kept.</param>
public sealed record SupervisorView(EmployeeSummary? Supervisor, DateOnly EffectiveFrom, SupervisorBasis? Basis);

public sealed record AssessmentView(IReadOnlyList<CompetencyLevel> Competencies, Potential Potential, DateOnly AssessedOn, string AssessedBy, DateTimeOffset RecordedAt);

public enum EmploymentStatus { Active, Ended }

/// <summary>
/// An employee's profile: today's placement and supervisor, and the dated histories behind them; the Plt/Plh who act for
/// this employee, and a PPPK's work agreements.
/// </summary>
public sealed record EmployeeDetails(
    string Nip,
    string NipDisplay,
    string FullName,
    EmploymentType EmploymentType,
    EmploymentStatus Status,
    DateOnly StartDate,
    PlacementView? Placement,
    EmployeeSummary? Supervisor,
    IReadOnlyList<PlacementView> Placements,
    IReadOnlyList<SupervisorView> Supervisors,
    IReadOnlyList<FormerNip> FormerNips,
    AssessmentView? LatestAssessment,
    DateOnly? EndedOn,
    EmploymentEndReason? EndReason,
    IReadOnlyList<ActingPeriod> ActingOfficials,
    IReadOnlyList<PppkContract> Contracts)
{
    /// <summary>The profile as seen on a date: the placement and supervisor in force then, and the histories behind them.</summary>
    public static async Task<EmployeeDetails> Of(EmployeeProfile profile, DateOnly on, IEmployeeDirectory directory, CancellationToken ct)
    {
        var supervisors = (await directory.FindMany([.. profile.Supervisors.Select(s => s.SupervisorId).OfType<Guid>().Distinct()], ct))
            .ToDictionary(p => p.Id, p => new EmployeeSummary(p.Nip, p.FullName));
        EmployeeSummary? Summary(Guid? id) => id is { } x ? supervisors.GetValueOrDefault(x) : null;

        return new EmployeeDetails(
            profile.Nip,
            Domain.Employees.Nip.Format(profile.Nip),
            profile.FullName,
            profile.EmploymentType,
            profile.EndedOn is { } ended && ended <= on ? EmploymentStatus.Ended : EmploymentStatus.Active,
            profile.StartDate,
            View(profile.PlacementOn(on)),
            Summary(profile.SupervisorOn(on)?.SupervisorId),
            [.. profile.Placements.Select(p => View(p)!)],
            [.. profile.Supervisors.Select(s => new SupervisorView(Summary(s.SupervisorId), s.EffectiveFrom, s.Basis))],
            profile.FormerNips,
            profile.LatestAssessment is { } a ? new AssessmentView(a.Competencies, a.Potential, a.AssessedOn, a.AssessedBy, a.RecordedAt) : null,
            profile.EndedOn,
            profile.EndReason,
            profile.ActingOfficials ?? [],
            profile.Contracts ?? []);
    }

    private static PlacementView? View(Placement? p) => p is null ? null : new PlacementView(p.UnitCode, p.Position, p.Golongan, p.EffectiveFrom);
}

public sealed record GetEmployee(string Nip) : IQuery<Versioned<EmployeeDetails>>;

/// <summary>Raised when the NIP asked for was replaced by a correction: the client is pointed at the current one.</summary>
public sealed class EmployeeMoved(string currentNip) : Exception($"This NIP was replaced by {currentNip}.")
{
    public string CurrentNip { get; } = currentNip;
}

public sealed class GetEmployeeHandler(IEmployeeDirectory directory, IEventStore store, EmployeeAccess access, TimeProvider clock)
    : IQueryHandler<GetEmployee, Versioned<EmployeeDetails>>
{
    public async ValueTask<Versioned<EmployeeDetails>> Handle(GetEmployee query, CancellationToken ct)
    {
        var profile = await directory.FindByNip(query.Nip, ct);
        if (profile is null)
        {
            throw await directory.FindByFormerNip(query.Nip, ct) is { } moved
                ? new EmployeeMoved(moved.Nip)
                : new NotFound("employee-not-found", $"No employee has NIP {query.Nip}.");
        }

        await access.EnsureCanRead(profile, ct);
        var details = await EmployeeDetails.Of(profile, clock.Today(), directory, ct);
        return new Versioned<EmployeeDetails>(details, await store.Version(profile.Id, ct) ?? 0);
    }
}
