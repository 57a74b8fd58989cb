using JasperFx.Events;
using JasperFx.Events.Grouping;
using Kinerja.Application.Talent;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Marten;
using Marten.Events.Projections;

namespace Kinerja.Infrastructure.Talent;

/// <summary>
/// One <see cref="TalentProfile"/> per employee from the employee's stream and their appraisals' and training grants' streams.
/// Evaluation events name only the appraisal and a training completion only the grant, so they are routed to the
/// employee through the stream's opening event (in the same page, or else the stream's first event in the store): the
/// routing reads events only, never other read models, so a rebuild gives the same result.
/// </summary>
internal sealed class TalentProfileProjection : EmployeeTalentProjection<TalentProfile>
{
    public override TalentProfile? Evolve(TalentProfile? snapshot, Guid id, IEvent e) => TalentProfile.Evolve(snapshot, e.Data);
}

/// <summary>The narrow twin the candidates query scans, from the same events by the same routing.</summary>
internal sealed class CandidateProfileProjection : EmployeeTalentProjection<CandidateProfile>
{
    public override CandidateProfile? Evolve(CandidateProfile? snapshot, Guid id, IEvent e) => CandidateProfile.Evolve(snapshot, e.Data);
}

internal abstract class EmployeeTalentProjection<TDoc> : MultiStreamProjection<TDoc, Guid> where TDoc : notnull
{
    protected EmployeeTalentProjection()
    {
        foreach (var type in Types)
        {
            IncludeType(type);
        }

        CustomGrouping(ByEmployee);
    }

    private static readonly Type[] Types =
    [
        typeof(EmployeeRegistered), typeof(EmployeeTransferred), typeof(NipCorrected), typeof(CompetencyAssessed), typeof(EmploymentEnded),
        typeof(AppraisalOpened), typeof(EvaluationSubmitted), typeof(EvaluationApproved),
        typeof(TrainingGrantRequested), typeof(TrainingGrantCompleted),
    ];

    /// <summary>The stream an opening event starts and whom it concerns: an appraisal's or a training grant's.</summary>
    private static (Guid Stream, Guid Employee)? Opening(Domain.IEmployeeEvent opening) => opening switch
    {
        AppraisalOpened o => (o.AppraisalId, o.EmployeeId),
        TrainingGrantRequested r => (r.GrantId, r.EmployeeId),
        _ => null,
    };

    /// <summary>Every event to its employee's slice, in the order of the page (commit order).</summary>
    private static async Task ByEmployee(IQuerySession session, IReadOnlyList<IEvent> events, IEventGrouping<Guid> grouping)
    {
        var owners = events.Select(e => e.Data).OfType<Domain.IEmployeeEvent>().Select(Opening).OfType<(Guid Stream, Guid Employee)>()
            .ToDictionary(o => o.Stream, o => o.Employee);
        var unknown = events.Where(e => e.Data is EvaluationSubmitted or EvaluationApproved or TrainingGrantCompleted && !owners.ContainsKey(e.StreamId))
            .Select(e => e.StreamId).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            var openings = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(unknown) && e.Version == 1).ToListAsync();
            foreach (var (stream, employee) in openings.Select(e => e.Data).OfType<Domain.IEmployeeEvent>().Select(Opening).OfType<(Guid, Guid)>())
            {
                owners[stream] = employee;
            }
        }

        foreach (var e in events)
        {
            Guid? employeeId = e.Data switch
            {
                Domain.IEmployeeEvent x => x.EmployeeId,
                EvaluationSubmitted or EvaluationApproved or TrainingGrantCompleted when owners.TryGetValue(e.StreamId, out var owner) => owner,
                _ => null,
            };
            if (employeeId is { } id && Array.IndexOf(Types, e.Data.GetType()) >= 0)
            {
                grouping.AddEvent(id, e);
            }
        }
    }
}
