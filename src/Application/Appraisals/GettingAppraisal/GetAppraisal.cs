using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.GettingAppraisal;

public sealed record GetAppraisal(Guid CycleId, string Nip) : IQuery<Versioned<AppraisalDetails>>;

/// <summary>The latest plan version, or version <paramref name="Version"/>: every version stays readable.</summary>
public sealed record GetPlan(Guid CycleId, string Nip, int? Version) : IQuery<Versioned<PlanView>>;

public sealed record GetRealisation(Guid CycleId, string Nip, Guid Id) : IQuery<Versioned<RealisationEntry>>;

public sealed class AppraisalQueries(AppraisalStreams streams, IAppraisalDirectory appraisals, IEmployeeDirectory directory,
    AppraisalAccess access, IEventStore store)
    : IQueryHandler<GetAppraisal, Versioned<AppraisalDetails>>, IQueryHandler<GetPlan, Versioned<PlanView>>,
        IQueryHandler<GetRealisation, Versioned<RealisationEntry>>
{
    public async ValueTask<Versioned<AppraisalDetails>> Handle(GetAppraisal query, CancellationToken ct)
    {
        var (record, cycle) = await Readable(query.CycleId, query.Nip, ct);
        var people = (await directory.FindMany([.. new[] { record.EmployeeId, record.RaterId, record.ApproverId ?? Guid.Empty }.Distinct()], ct))
            .ToDictionary(p => p.Id);
        PersonView Person(Guid id, string nip) => people.GetValueOrDefault(id) is { } p ? new PersonView(p.Nip, p.FullName) : new PersonView(nip, null);

        var latest = record.PlanVersions.LastOrDefault();
        var details = new AppraisalDetails(
            record.CycleId,
            cycle.Phase,
            Person(record.EmployeeId, record.Nip),
            record.UnitCode,
            Person(record.RaterId, record.RaterNip),
            record.ApproverId is { } approver ? Person(approver, record.ApproverNip!) : null,
            record.RaterResolvedOn,
            record.Status,
            record.Agreed()?.Version,
            latest is null ? null : AppraisalViews.Plan(latest, await Supported(latest, ct)),
            [.. record.PlanVersions.Select(v => new PlanVersionSummary(v.Version, v.Status, v.DraftedAt, v.AgreedAt, v.AgreedBy))],
            AppraisalViews.Progress(record),
            record.Realisations,
            AppraisalViews.Feedback(record, showsPublicComments: await access.ReadsPublicComments(record, ct)),
            record.Evaluation,
            record.Excusal,
            record.Score,
            record.LeaderExpectations);
        return new Versioned<AppraisalDetails>(details, await Version(record, ct));
    }

    public async ValueTask<Versioned<PlanView>> Handle(GetPlan query, CancellationToken ct)
    {
        var (record, _) = await Readable(query.CycleId, query.Nip, ct);
        var version = (query.Version is { } n ? record.PlanVersions.FirstOrDefault(v => v.Version == n) : record.PlanVersions.LastOrDefault())
            ?? throw new NotFound("plan-not-found", query.Version is null ? $"{query.Nip} has no plan yet." : $"There is no plan version {query.Version}.");
        return new Versioned<PlanView>(AppraisalViews.Plan(version, await Supported(version, ct)), await Version(record, ct));
    }

    public async ValueTask<Versioned<RealisationEntry>> Handle(GetRealisation query, CancellationToken ct)
    {
        var (record, _) = await Readable(query.CycleId, query.Nip, ct);
        var realisation = record.Realisations.FirstOrDefault(r => r.Id == query.Id)
            ?? throw new NotFound("realisation-not-found", $"There is no realisation {query.Id} in this appraisal.");
        return new Versioned<RealisationEntry>(realisation, await Version(record, ct));
    }

    private async Task<(AppraisalRecord Record, Domain.Cycles.AppraisalCycle Cycle)> Readable(Guid cycleId, string nip, CancellationToken ct)
    {
        var read = await streams.Read(appraisals, cycleId, nip, ct);
        await access.EnsureCanRead(read.Record.EmployeeId, read.Record.RaterId, read.Record.ApproverId, ct);
        return read;
    }

    private async Task<IReadOnlyDictionary<Guid, AppraisalRecord>> Supported(PlanVersionRecord version, CancellationToken ct)
    {
        var ids = version.Plan.Rows.Select(r => r.Supports?.AppraisalId).OfType<Guid>().Distinct().ToList();
        return (await appraisals.FindMany(ids, ct)).ToDictionary(a => a.Id);
    }

    private async Task<long> Version(AppraisalRecord record, CancellationToken ct) => await store.Version(record.Id, ct) ?? 0;
}
