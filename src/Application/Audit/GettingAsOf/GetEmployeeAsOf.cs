using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Audit.ListingLateEntries;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Audit.GettingAsOf;

/// <summary>
/// The employee as the record stood at an instant, replayed from the events recorded until then (not from today's
/// read models): the profile, each appraisal, training grants and the JP ledger, with back-dated entries and
/// evaluations recorded long after their period marked.
/// </summary>
public sealed record EmployeeAsOf(
    DateTimeOffset At, long EventsReplayed, EmployeeDetails Profile, IReadOnlyList<AppraisalAsOf> Appraisals,
    IReadOnlyList<TrainingGrantAsOf> TrainingGrants, IReadOnlyList<JpEntry> Jp, IReadOnlyList<AuditEntry> BackDated);

public sealed record GetEmployeeAsOf(string Nip, DateTimeOffset At) : IQuery<EmployeeAsOf>;

public sealed class GetEmployeeAsOfHandler(AuditAccess access, IAuditTrail trail, IEmployeeDirectory directory, AuditSettings settings)
    : IQueryHandler<GetEmployeeAsOf, EmployeeAsOf>
{
    public async ValueTask<EmployeeAsOf> Handle(GetEmployeeAsOf query, CancellationToken ct)
    {
        var employee = await access.Employee(query.Nip, ct);
        var until = new AuditFilter(null, query.At, null, null, int.MaxValue);
        var recorded = await trail.Events(await trail.StreamsOf(employee.Id, ct), until, ct);
        var streams = recorded.GroupBy(e => e.StreamId).Select(g => (IReadOnlyList<RecordedEvent>)[.. g]).ToList();
        var own = streams.FirstOrDefault(s => s[0].StreamId == employee.Id)
            ?? throw new NotFound("not-recorded-yet", $"Nothing was recorded about {query.Nip} by {Wit.Show(query.At)}.");

        var profile = own.Aggregate((EmployeeProfile?)null, (state, e) => EmployeeProfile.Evolve(state, e.Data))!;
        var on = DateOnly.FromDateTime(query.At.ToOffset(Wit.Offset).DateTime);
        var details = await EmployeeDetails.Of(profile, on, directory, ct);
        var appraisalStreams = streams.Where(s => s[0].Data is AppraisalOpened).ToList();
        var cycleIds = appraisalStreams.Select(s => ((AppraisalOpened)s[0].Data).CycleId).Distinct().ToList();
        var cycles = (await trail.Events(cycleIds, until, ct)).ToLookup(e => e.StreamId);
        var appraisals = appraisalStreams.Select(s => WorkAsOf.Appraisal(s, [.. cycles[((AppraisalOpened)s[0].Data).CycleId]])).ToList();
        var marked = recorded.Select(AuditEntry.From).Where(e => e.DaysBackDated > 0)
            .Concat(appraisalStreams.Zip(appraisals).SelectMany(x => WorkAsOf.LateEvaluations(x.First, x.Second.PeriodEnd, settings.LateAfterDays)))
            .OrderBy(e => e.Sequence).ToList();
        return new EmployeeAsOf(query.At, recorded.Count, details, appraisals,
            [.. streams.Where(s => s[0].Data is TrainingGrantRequested).Select(WorkAsOf.Grant)],
            streams.FirstOrDefault(s => s[0].Data is JpPlanned or JpCompleted) is { } ledger ? WorkAsOf.Jp(ledger) : [],
            marked);
    }
}
