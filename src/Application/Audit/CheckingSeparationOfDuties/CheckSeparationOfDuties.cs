using System.Globalization;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Audit.CheckingSeparationOfDuties;

public static class DutyFindingKinds
{
    public const string RaterNotSuperior = "rater-not-superior";
    public const string ApproverNotRatersSuperior = "approver-not-raters-superior";
    public const string SelfEvaluation = "self-evaluation";
}

/// <summary>
/// One evaluation act that broke separation of duties: who acted (<see cref="ActedBy"/>, a NIP, or the user name
/// where the actor had none) and who should have by the registry on that WIT date (<see cref="ExpectedNip"/>, null
/// when the registry names nobody).
/// </summary>
public sealed record DutyFinding(
    long Sequence, string Kind, Guid AppraisalId, string RateeNip, string Type, string? ActedBy, string? ExpectedNip, DateOnly On,
    long Version, DateTimeOffset RecordedAt);

/// <summary>
/// Every plan agreement, evaluation and approval of the cycle's appraisals checked against the registry as it stands now (a
/// Plt/Plh recorded for the superior on the date counts as the superior); paged by sequence.
/// </summary>
public sealed record CheckSeparationOfDuties(Guid CycleId, int? Limit, long? After) : IQuery<Page<DutyFinding>>;

public sealed class CheckSeparationOfDutiesValidator : AbstractValidator<CheckSeparationOfDuties>
{
    public CheckSeparationOfDutiesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
    }
}

public sealed class CheckSeparationOfDutiesHandler(AuditAccess access, CycleStreams cycles, IAuditTrail trail, IEmployeeDirectory directory)
    : IQueryHandler<CheckSeparationOfDuties, Page<DutyFinding>>
{
    private static readonly string[] Acts = ["appraisal_opened", "plan_agreed", "evaluation_submitted", "evaluation_approved"];

    public async ValueTask<Page<DutyFinding>> Handle(CheckSeparationOfDuties query, CancellationToken ct)
    {
        access.EnsureAuditor();
        await cycles.Load(query.CycleId, ct);
        var streams = await trail.AppraisalStreamsOf(query.CycleId, ct);
        // The whole cycle is read: an approval on this page is checked against a rater who may have evaluated before the cursor.
        var events = await trail.Events(streams, new AuditFilter(null, null, Acts, null, int.MaxValue), ct);
        var findings = new List<DutyFinding>();
        var registry = new Registry(directory);
        await registry.Prime([.. events.Select(e => e.Data switch
        {
            AppraisalOpened o => o.EmployeeId,
            EvaluationSubmitted s => s.EvaluatedBy,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).Distinct()], ct);
        var ratees = new Dictionary<Guid, AppraisalOpened>();
        var raters = new Dictionary<Guid, Guid>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case AppraisalOpened opened:
                    ratees[e.StreamId] = opened;
                    break;
                case PlanAgreed agreed:
                    var agreer = e.ActorNip is { } agreerNip ? await registry.ByNip(agreerNip, ct) : null;
                    findings.AddRange(await Check(e, DutyFindingKinds.RaterNotSuperior, ratees[e.StreamId], ratees[e.StreamId].EmployeeId,
                        agreer?.Id, e.ActorNip ?? e.UserName, agreed.AgreedAt, registry, ct));
                    break;
                case EvaluationSubmitted submitted:
                    raters[e.StreamId] = submitted.EvaluatedBy;
                    var ratee = ratees[e.StreamId];
                    var kind = submitted.EvaluatedBy == ratee.EmployeeId ? DutyFindingKinds.SelfEvaluation : DutyFindingKinds.RaterNotSuperior;
                    findings.AddRange(await Check(e, kind, ratee, ratee.EmployeeId, submitted.EvaluatedBy, null, submitted.SubmittedAt, registry, ct));
                    break;
                case EvaluationApproved approved:
                    var approver = e.ActorNip is { } nip ? await registry.ByNip(nip, ct) : null;
                    findings.AddRange(await Check(e, DutyFindingKinds.ApproverNotRatersSuperior, ratees[e.StreamId], raters[e.StreamId],
                        approver?.Id, e.ActorNip ?? e.UserName, approved.ApprovedAt, registry, ct));
                    break;
            }
        }

        var limit = query.Limit ?? 100;
        var page = findings.Where(f => f.Sequence > (query.After ?? 0)).Take(limit + 1).ToList();
        var items = page.Take(limit).ToList();
        return new Page<DutyFinding>(items, page.Count > limit ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <returns>
    /// A finding when <paramref name="actorId"/> is neither the registry's superior of <paramref name="subordinateId"/> on the act's WIT
    /// date nor a Plt/Plh recorded for that superior on it.
    /// </returns>
    private static async Task<IEnumerable<DutyFinding>> Check(
        RecordedEvent e, string kind, AppraisalOpened ratee, Guid subordinateId, Guid? actorId, string? actedBy, DateTimeOffset at, Registry registry,
        CancellationToken ct)
    {
        var on = DateOnly.FromDateTime(at.ToOffset(Wit.Offset).DateTime);
        var expected = (await registry.ById(subordinateId, ct))?.SupervisorOn(on)?.SupervisorId;
        var acting = actorId is { } a && expected is { } superior && (await registry.ById(superior, ct))?.ActedForBy(a, on) == true;
        if (kind != DutyFindingKinds.SelfEvaluation && (actorId == expected || acting))
        {
            return [];
        }

        var rateeNip = (await registry.ById(ratee.EmployeeId, ct))?.Nip ?? ratee.Nip;
        var acted = actedBy ?? (actorId is { } id ? (await registry.ById(id, ct))?.Nip : null);
        var expectedNip = expected is { } x ? (await registry.ById(x, ct))?.Nip : null;
        return [new DutyFinding(e.Sequence, kind, ratee.AppraisalId, rateeNip, e.Type, acted, expectedNip, on, e.Version, e.RecordedAt)];
    }

    /// <summary>Profiles looked up once each: a cycle's evaluations name the same few raters and approvers many times.</summary>
    private sealed class Registry(IEmployeeDirectory directory)
    {
        private readonly Dictionary<Guid, EmployeeProfile?> _byId = [];
        private readonly Dictionary<string, EmployeeProfile?> _byNip = [];

        public async Task Prime(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            foreach (var profile in await directory.FindMany(ids, ct))
            {
                _byId[profile.Id] = profile;
            }
        }

        public async Task<EmployeeProfile?> ById(Guid id, CancellationToken ct) =>
            _byId.TryGetValue(id, out var known) ? known : _byId[id] = await directory.Find(id, ct);

        public async Task<EmployeeProfile?> ByNip(string nip, CancellationToken ct) =>
            _byNip.TryGetValue(nip, out var known) ? known : _byNip[nip] = await directory.FindByNip(nip, ct) ?? await directory.FindByFormerNip(nip, ct);
    }
}
