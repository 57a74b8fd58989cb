using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.FollowUps;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Appraisals.GettingWorklist;

/// <summary>What waits for the caller, in this order: their own plan, plans to agree, evaluations to give and to approve, support plans to review.</summary>
public enum WorkItemKind { PlanToSubmit, PlanToAgree, EvaluationToGive, EvaluationToApprove, SupportPlanToReview }

/// <summary>
/// One task: whose appraisal (or support plan), where it stands and, once evaluated, its predikat. <see cref="ActingFor"/> names the
/// official the caller acts for as Plt/Plh when the task is theirs; <see cref="ReviewOn"/> is a support plan's review date.
/// </summary>
public sealed record WorkItem(
    WorkItemKind Kind, Guid CycleId, string CycleName, CyclePhase Phase, string Nip, string? FullName, string UnitCode, AppraisalStatus Status,
    EvaluationStatus? Evaluation, Predikat? Predikat, string? ActingFor, DateOnly? ReviewOn)
{
    internal string Key => $"{(int)Kind:D2}|{CycleId:N}|{Nip}";
}

public sealed record WorkCount(WorkItemKind Kind, int Count);

/// <summary>The caller's page of tasks, with how many of each kind wait in all.</summary>
public sealed record Worklist(string Nip, DateOnly On, IReadOnlyList<WorkCount> Counts, IReadOnlyList<WorkItem> Items, string? NextCursor);

/// <summary>
/// The caller's tasks as the rater chain stands on today's WIT date (docs/decisions/088, 095): those reporting to the caller, or to an
/// official the caller acts for as Plt/Plh, wait for the rater's acts; those reporting to them wait for approval.
/// </summary>
public sealed record GetWorklist(int? Limit, string? Cursor) : IQuery<Worklist>;

public sealed class GetWorklistValidator : AbstractValidator<GetWorklist>
{
    public GetWorklistValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => KeysetCursor.Decode(GetWorklistHandler.List, c, k => k.Length > 0) is not null);
    }
}

public sealed class GetWorklistHandler(
    AppraisalAccess access, ICurrentActor current, IEmployeeDirectory employees, IAppraisalDirectory appraisals, ICycleDirectory cycles,
    IFollowUpDirectory followUps, TimeProvider clock)
    : IQueryHandler<GetWorklist, Worklist>
{
    internal const string List = "worklist";

    public async ValueTask<Worklist> Handle(GetWorklist query, CancellationToken ct)
    {
        if (current.Actor.Role is not (Roles.Employee or Roles.Supervisor) || await access.CallerId(ct) is not { } me)
        {
            throw new AccessDenied("A worklist is an ASN's own: call as employee or supervisor with your NIP. hr-admin follows a cycle through its progress.");
        }

        var today = clock.Today();
        var actedFor = (await employees.ActedForBy(me, ct)).Where(o => o.ActedForBy(me, today)).ToDictionary(o => o.Id);
        var leads = new HashSet<Guid>([me, .. actedFor.Keys]);
        var ratees = ReportingOn(await employees.EverReportingTo(leads, ct), leads, today, me);
        var rateeIds = ratees.Keys.ToHashSet();
        var approvees = ReportingOn(await employees.EverReportingTo(rateeIds, ct), rateeIds, today, me);
        var people = ratees.Values.Concat(approvees.Values).Append(await employees.Find(me, ct)).OfType<EmployeeProfile>().DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var open = await appraisals.UnsettledOf([.. people.Keys], ct);
        var cycleOf = new Dictionary<Guid, CycleRecord>();
        foreach (var id in open.Select(a => a.CycleId).Distinct())
        {
            if (await cycles.Find(id, ct) is { Phase: not CyclePhase.Closed } cycle)
            {
                cycleOf[id] = cycle;
            }
        }

        string? ActingFor(Guid lead) => lead == me ? null : actedFor[lead].Nip;
        var items = new List<WorkItem>();
        foreach (var record in open.Where(a => cycleOf.ContainsKey(a.CycleId)))
        {
            var cycle = cycleOf[record.CycleId];
            WorkItem Item(WorkItemKind kind, string? actingFor) => new(kind, cycle.Id, cycle.Name, cycle.Phase, people[record.EmployeeId].Nip,
                people[record.EmployeeId].FullName, record.UnitCode, record.Status, record.Evaluation?.Status, record.Evaluation?.Predikat, actingFor, null);
            if (record.EmployeeId == me && record.Status is AppraisalStatus.Opened or AppraisalStatus.Draft or AppraisalStatus.Returned)
            {
                items.Add(Item(WorkItemKind.PlanToSubmit, null));
            }

            if (ratees.TryGetValue(record.EmployeeId, out var ratee) && ratee.SupervisorOn(today)?.SupervisorId is { } rater)
            {
                if (record.Status == AppraisalStatus.Submitted)
                {
                    items.Add(Item(WorkItemKind.PlanToAgree, ActingFor(rater)));
                }

                if (cycle.Phase == CyclePhase.Evaluation && record.Status == AppraisalStatus.Agreed && record.Evaluation?.Status is null or EvaluationStatus.Returned)
                {
                    items.Add(Item(WorkItemKind.EvaluationToGive, ActingFor(rater)));
                }

                // The PPK (a non-ASN official with nobody above) approves the evaluations they gave (docs/decisions/088).
                var lead = rater == me ? people[me] : actedFor[rater];
                if (record.Evaluation?.Status == EvaluationStatus.Submitted && lead.EmploymentType == EmploymentType.NonAsn && lead.SupervisorOn(today)?.SupervisorId is null)
                {
                    items.Add(Item(WorkItemKind.EvaluationToApprove, ActingFor(rater)));
                }
            }

            if (approvees.TryGetValue(record.EmployeeId, out var approvee) && record.Evaluation?.Status == EvaluationStatus.Submitted
                && approvee.SupervisorOn(today)?.SupervisorId is { } itsRater && ratees[itsRater].SupervisorOn(today)?.SupervisorId is { } approver)
            {
                items.Add(Item(WorkItemKind.EvaluationToApprove, ActingFor(approver)));
            }
        }

        items.AddRange(await SupportPlans(me, ct));
        var ordered = items.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        var after = query.Cursor is { } c ? KeysetCursor.Decode(List, c, k => k.Length > 0) : null;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var rest = ordered.Where(i => after is null || string.CompareOrdinal(i.Key, after) > 0).ToList();
        var page = rest.Take(limit).ToList();
        var counts = Enum.GetValues<WorkItemKind>().Select(k => new WorkCount(k, items.Count(i => i.Kind == k))).ToList();
        return new Worklist(people[me].Nip, today, counts, page, rest.Count > limit ? KeysetCursor.Encode(List, page[^1].Key) : null);
    }

    /// <summary>Those whose superior on the date is one of the leads, keyed by id; never the caller (nobody rates themself).</summary>
    private static Dictionary<Guid, EmployeeProfile> ReportingOn(IEnumerable<EmployeeProfile> candidates, IReadOnlySet<Guid> leads, DateOnly on, Guid me) =>
        candidates.Where(p => p.Id != me && Raters.EmployedOn(p, on) && p.SupervisorOn(on)?.SupervisorId is { } s && leads.Contains(s))
            .DistinctBy(p => p.Id).ToDictionary(p => p.Id);

    /// <summary>Support plans naming the caller as responsible that are not completed yet: the current plan of each cycle.</summary>
    private async Task<IEnumerable<WorkItem>> SupportPlans(Guid me, CancellationToken ct)
    {
        var open = (await followUps.WithSupportPlansFor(me, ct))
            .SelectMany(f => f.SupportPlans.GroupBy(p => p.CycleId).Select(g => g.Last()).Where(p => p.ResponsibleId == me && f.CompletionIn(p.CycleId) is null))
            .ToList();
        var people = (await employees.FindMany([.. open.Select(p => p.EmployeeId).Distinct()], ct)).ToDictionary(p => p.Id);
        var items = new List<WorkItem>();
        foreach (var plan in open)
        {
            var cycle = await cycles.Find(plan.CycleId, ct);
            var person = people.GetValueOrDefault(plan.EmployeeId);
            items.Add(new WorkItem(WorkItemKind.SupportPlanToReview, plan.CycleId, cycle?.Name ?? "", cycle?.Phase ?? CyclePhase.Closed, person?.Nip ?? "",
                person?.FullName, plan.UnitCode, AppraisalStatus.Agreed, EvaluationStatus.Approved, plan.Predikat, null, plan.ReviewOn));
        }

        return items;
    }
}
