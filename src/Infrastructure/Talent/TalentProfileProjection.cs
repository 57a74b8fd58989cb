using JasperFx.Events;
using JasperFx.Events.Grouping;
using Kinerja.Application.Talent;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Marten;
using Marten.Events.Projections;

namespace Kinerja.Infrastructure.Talent;

/// <summary>
/// One <see cref="TalentProfile"/> per employee from the employee's stream and their appraisals' streams.
/// Evaluation events name only the appraisal, so they are routed to the employee through the
/// appraisal's opening event (in the same page, or else the stream's first event in the store): the
/// routing reads events only, never other read models, so a rebuild gives the same result.
/// </summary>
internal sealed class TalentProfileProjection : MultiStreamProjection<TalentProfile, Guid>
{
    public TalentProfileProjection()
    {
        Identity<EmployeeRegistered>(e => e.EmployeeId);
        Identity<EmployeeTransferred>(e => e.EmployeeId);
        Identity<NipCorrected>(e => e.EmployeeId);
        Identity<CompetencyAssessed>(e => e.EmployeeId);
        Identity<EmploymentEnded>(e => e.EmployeeId);
        Identity<AppraisalOpened>(e => e.EmployeeId);
        IncludeType<EvaluationSubmitted>();
        IncludeType<EvaluationApproved>();
        CustomGrouping(ByAppraisalOwner);
    }

    public override TalentProfile? Evolve(TalentProfile? snapshot, Guid id, IEvent e) => TalentProfile.Evolve(snapshot, e.Data);

    private static async Task ByAppraisalOwner(IQuerySession session, IReadOnlyList<IEvent> events, IEventGrouping<Guid> grouping)
    {
        var evaluations = events.Where(e => e.Data is EvaluationSubmitted or EvaluationApproved).ToList();
        if (evaluations.Count == 0)
        {
            return;
        }

        var owners = events.Select(e => e.Data).OfType<AppraisalOpened>().ToDictionary(o => o.AppraisalId, o => o.EmployeeId);
        var unknown = evaluations.Select(e => e.StreamId).Where(id => !owners.ContainsKey(id)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            var openings = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(unknown) && e.Version == 1).ToListAsync();
            foreach (var opened in openings.Select(e => e.Data).OfType<AppraisalOpened>())
            {
                owners[opened.AppraisalId] = opened.EmployeeId;
            }
        }

        foreach (var evaluation in evaluations)
        {
            if (owners.TryGetValue(evaluation.StreamId, out var employeeId))
            {
                grouping.AddEvent(employeeId, evaluation);
            }
        }
    }
}
