using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.GettingEmployee;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.GettingGrant;

/// <summary>A training grant as the API shows it; the employee under their current NIP.</summary>
public sealed record TrainingGrantView(
    Guid Id,
    EmployeeSummary Employee,
    EmploymentType EmploymentType,
    string UnitCode,
    int Year,
    string Program,
    string Provider,
    TrainingTrack Track,
    IReadOnlyList<string> CompetencyCodes,
    int PlannedJp,
    long Cost,
    Funding Funding,
    GrantReason Reason,
    GrantStatus Status,
    TrainingSchedule? Schedule,
    TrainingCompletion? Completion,
    string? ClosingReason,
    IReadOnlyList<GrantHistoryEntry> History)
{
    public static async Task<IReadOnlyList<TrainingGrantView>> Of(IReadOnlyList<TrainingGrantRecord> records, IEmployeeDirectory directory, CancellationToken ct)
    {
        var employees = (await directory.FindMany([.. records.Select(r => r.EmployeeId).Distinct()], ct)).ToDictionary(p => p.Id);
        return [.. records.Select(r =>
        {
            var q = r.Request;
            var employee = employees.TryGetValue(q.EmployeeId, out var p) ? new EmployeeSummary(p.Nip, p.FullName) : new EmployeeSummary(q.Nip, "");
            return new TrainingGrantView(
                r.Id, employee, q.EmploymentType, q.UnitCode, q.Year, q.Program, q.Provider, q.Track, q.CompetencyCodes, q.PlannedJp, q.Cost,
                q.Funding, q.Reason, r.Status, r.Schedule, r.Completion, r.ClosingReason, r.History);
        })];
    }
}

public sealed record GetTrainingGrant(Guid Id) : IQuery<Versioned<TrainingGrantView>>;

public sealed class GetTrainingGrantHandler(ITrainingDirectory training, IEmployeeDirectory directory, TrainingAccess access, IEventStore store)
    : IQueryHandler<GetTrainingGrant, Versioned<TrainingGrantView>>
{
    public async ValueTask<Versioned<TrainingGrantView>> Handle(GetTrainingGrant query, CancellationToken ct)
    {
        var record = await training.Grant(query.Id, ct) ?? throw new NotFound("training-grant-not-found", $"No training grant has id {query.Id}.");
        var profile = await directory.Find(record.EmployeeId, ct)
            ?? throw new NotFound("employee-not-found", $"The employee of grant {query.Id} is not in the registry.");
        await access.EnsureCanRead(profile, ct);
        var view = (await TrainingGrantView.Of([record], directory, ct))[0];
        return new Versioned<TrainingGrantView>(view, await store.Version(record.Id, ct) ?? 0);
    }
}
