using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.GettingEmployee;
using Mediator;

namespace Kinerja.Application.Audit.GettingAsOf;

/// <summary>
/// The employee as the record stood at an instant, replayed from the events recorded until then (not
/// from today's read models), with the entries that were back-dated marked.
/// </summary>
public sealed record EmployeeAsOf(DateTimeOffset At, long EventsReplayed, EmployeeDetails Profile, IReadOnlyList<AuditEntry> BackDated);

public sealed record GetEmployeeAsOf(string Nip, DateTimeOffset At) : IQuery<EmployeeAsOf>;

public sealed class GetEmployeeAsOfHandler(AuditAccess access, IAuditTrail trail, IEmployeeDirectory directory) : IQueryHandler<GetEmployeeAsOf, EmployeeAsOf>
{
    public async ValueTask<EmployeeAsOf> Handle(GetEmployeeAsOf query, CancellationToken ct)
    {
        var employee = await access.Employee(query.Nip, ct);
        var recorded = await trail.Events([employee.Id], new AuditFilter(null, query.At, null, null, int.MaxValue), ct);
        if (recorded.Count == 0)
        {
            throw new NotFound("not-recorded-yet", $"Nothing was recorded about {query.Nip} by {query.At:O}.");
        }

        var profile = recorded.Aggregate((EmployeeProfile?)null, (state, e) => EmployeeProfile.Evolve(state, e.Data))!;
        var on = DateOnly.FromDateTime(query.At.ToOffset(Wit.Offset).DateTime);
        var details = await EmployeeDetails.Of(profile, on, directory, ct);
        var backDated = recorded.Select(AuditEntry.From).Where(e => e.DaysBackDated > 0).ToList();
        return new EmployeeAsOf(query.At, recorded.Count, details, backDated);
    }
}
