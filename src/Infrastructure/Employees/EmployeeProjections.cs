using JasperFx.Events;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.Infrastructure.Common;

namespace Kinerja.Infrastructure.Employees;

internal static class EmployeeEventTypes
{
    public static readonly Type[] All =
    [
        typeof(EmployeeRegistered), typeof(EmployeeTransferred), typeof(SupervisorChanged),
        typeof(NipCorrected), typeof(CompetencyAssessed), typeof(EmploymentEnded), typeof(ActingOfficialAssigned), typeof(ContractRecorded),
    ];
}

/// <summary>The decision state, bridged to the pure Domain.Evolve (Marten's conventional methods need its source generator in Domain).</summary>
internal sealed class EmployeeStateProjection() : StreamProjection<Employee>(EmployeeEventTypes.All)
{
    public override Employee Evolve(Employee? snapshot, Guid id, IEvent e) => Employee.Evolve(snapshot, e.Data);
}

internal sealed class EmployeeProfileProjection() : StreamProjection<EmployeeProfile>(EmployeeEventTypes.All)
{
    public override EmployeeProfile Evolve(EmployeeProfile? snapshot, Guid id, IEvent e) => EmployeeProfile.Evolve(snapshot, e.Data);
}
