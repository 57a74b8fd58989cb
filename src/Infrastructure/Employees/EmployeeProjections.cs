using JasperFx.Events;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Marten.Events.Aggregation;

namespace Kinerja.Infrastructure.Employees;

internal static class EmployeeEventTypes
{
    public static readonly Type[] All =
    [
        typeof(EmployeeRegistered), typeof(EmployeeTransferred), typeof(SupervisorChanged),
        typeof(NipCorrected), typeof(CompetencyAssessed), typeof(EmploymentEnded),
    ];
}

/// <summary>The decision state, bridged to the pure Domain.Evolve (Marten's conventional methods need its source generator in Domain).</summary>
internal sealed class EmployeeStateProjection : SingleStreamProjection<Employee, Guid>
{
    public EmployeeStateProjection()
    {
        foreach (var type in EmployeeEventTypes.All)
        {
            IncludeType(type);
        }
    }

    public override Employee Evolve(Employee? snapshot, Guid id, IEvent e) => Employee.Evolve(snapshot, e.Data);
}

internal sealed class EmployeeProfileProjection : SingleStreamProjection<EmployeeProfile, Guid>
{
    public EmployeeProfileProjection()
    {
        foreach (var type in EmployeeEventTypes.All)
        {
            IncludeType(type);
        }
    }

    public override EmployeeProfile Evolve(EmployeeProfile? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
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
            Supervisors = [.. snapshot.Supervisors, new SupervisorPeriod(s.SupervisorId, s.SupervisorNip, s.EffectiveOn)],
        },
        (not null, NipCorrected n) => snapshot with
        {
            Nip = n.Nip,
            FormerNips = [.. snapshot.FormerNips, new FormerNip(n.PreviousNip, n.Reason, n.CorrectedAt)],
        },
        (not null, CompetencyAssessed a) => snapshot with { LatestAssessment = a },
        (not null, EmploymentEnded x) => snapshot with { EndedOn = x.EffectiveOn, EndReason = x.Reason },
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to employee profile {id}."),
    };
}
