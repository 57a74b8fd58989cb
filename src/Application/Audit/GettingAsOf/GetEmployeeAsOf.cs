using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Evaluations;
using Kinerja.Domain.Evaluations;
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

public sealed class GetEmployeeAsOfHandler(
    AuditAccess access, IAuditTrail trail, IAuditEvidence evidence, IEmployeeDirectory directory, AuditSettings settings, ScoreWeights weights)
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
        var appraisals = new List<AppraisalAsOf>();
        foreach (var stream in appraisalStreams)
        {
            appraisals.Add(await WithRecords(WorkAsOf.Appraisal(stream, [.. cycles[((AppraisalOpened)stream[0].Data).CycleId]]), query.At, ct));
        }

        var marked = recorded.Select(AuditEntry.From).Where(e => e.DaysBackDated > 0)
            .Concat(appraisalStreams.Zip(appraisals).SelectMany(x => WorkAsOf.LateEvaluations(x.First, x.Second.PeriodEnd, settings.LateAfterDays)))
            .OrderBy(e => e.Sequence).ToList();
        return new EmployeeAsOf(query.At, recorded.Count, details, appraisals,
            [.. streams.Where(s => s[0].Data is TrainingGrantRequested).Select(WorkAsOf.Grant)],
            streams.FirstOrDefault(s => s[0].Data is JpPlanned or JpCompleted) is { } ledger ? WorkAsOf.Jp(ledger) : [],
            marked);
    }

    /// <summary>
    /// What the appraisal's read model and its unit's result held by then, folded by their own projections from the events recorded by
    /// then (the feedback tallies from the appraisal's standing beside the record); the score is computed as a rebuild would: with the
/// weights pinned at approval when final, otherwise those in force today.
    /// </summary>
    private async Task<AppraisalAsOf> WithRecords(AppraisalAsOf appraisal, DateTimeOffset at, CancellationToken ct)
    {
        if (await evidence.AsOf<AppraisalRecord>(appraisal.AppraisalId, at, ct) is not { } folded)
        {
            return appraisal;
        }

        var standing = await evidence.AsOf<AppraisalStanding>(appraisal.AppraisalId, at, ct);
        var record = folded.With(standing);

        var unit = await evidence.AsOf<UnitEvaluationRecord>(UnitEvaluation.IdFor(record.CycleId, record.UnitCode), at, ct);
        return appraisal with
        {
            UnitCode = record.UnitCode,
            Progress = AppraisalViews.Progress(record),
            Realisations = record.Realisations,
            Feedback = AppraisalViews.Feedback(record, showsPublicComments: true),
            Score = standing?.ScoredWith(weights),
            UnitResult = unit is null ? null : new UnitResultAsOf(unit.UnitCode, unit.Result, unit.RecordedBy, unit.RecordedAt, unit.Reason),
        };
    }
}
