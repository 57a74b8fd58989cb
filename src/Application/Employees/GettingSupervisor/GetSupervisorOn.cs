using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.GettingSupervisor;

/// <summary>
/// The effective superior on a date: the rater question. <see cref="SupervisorEmployed"/> is false when
/// the named superior had already left by then, so a rater check can refuse a stale assignment.
/// </summary>
public sealed record SupervisorOnDate(string Nip, DateOnly On, EmployeeSummary Supervisor, DateOnly EffectiveFrom, bool SupervisorEmployed);

public sealed record GetSupervisorOn(string Nip, DateOnly? On) : IQuery<SupervisorOnDate>;

public sealed class GetSupervisorOnHandler(IEmployeeDirectory directory, IEventStore store, EmployeeAccess access, TimeProvider clock)
    : IQueryHandler<GetSupervisorOn, SupervisorOnDate>
{
    public async ValueTask<SupervisorOnDate> Handle(GetSupervisorOn query, CancellationToken ct)
    {
        var profile = await directory.Addressed(query.Nip, ct);
        await access.EnsureCanRead(profile, ct);
        var on = query.On ?? clock.Today();
        if (on < profile.StartDate || (profile.EndedOn is { } ended && on >= ended))
        {
            throw new NotFound("not-employed-on-date", $"{profile.Nip} was not employed on {on:yyyy-MM-dd}.");
        }

        var period = profile.SupervisorOn(on);
        if (period?.SupervisorId is not { } supervisorId || await directory.Find(supervisorId, ct) is not { } supervisor)
        {
            throw new NotFound("no-supervisor-on-date", $"{profile.Nip} had no supervisor in the registry on {on:yyyy-MM-dd}.");
        }

        var employed = await store.Load<Employee>(supervisorId, ct) is { } state && state.EmployedOn(on);
        return new SupervisorOnDate(profile.Nip, on, new EmployeeSummary(supervisor.Nip, supervisor.FullName), period.EffectiveFrom, employed);
    }
}
