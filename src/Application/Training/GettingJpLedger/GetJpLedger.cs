using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.GettingJpLedger;

public sealed record JpLedgerLine(Guid GrantId, int Year, string Program, TrainingTrack Track, GrantStatus Status, int Jp, bool Completed);

/// <summary>
/// Lesson hours against the entitlement: a PNS per year (minimum 20), a PPPK over the contract
/// (maximum 24). <see cref="MissingJp"/> is what the completed JP lack of a minimum and
/// <see cref="UnplannedJp"/> what is not even planned yet; <see cref="RemainingJp"/> is what a
/// maximum still allows. Each is null where the rule has no such figure.
/// </summary>
public sealed record JpLedgerView(
    string Nip, EmploymentType EmploymentType, int Year, JpRule Entitlement, int CompletedJp, int PlannedJp,
    int? MissingJp, int? UnplannedJp, int? RemainingJp, IReadOnlyList<JpLedgerLine> Lines)
{
    /// <param name="on">For a PPPK, the date whose agreement year is shown.</param>
    public static JpLedgerView Of(EmployeeProfile profile, int year, DateOnly on, JpLedger? ledger, IReadOnlyDictionary<Guid, TrainingGrantRecord> grants)
    {
        var rule = JpEntitlement.For(profile.EmploymentType);
        var contractYear = (profile.Contracts ?? []).LastOrDefault(c => c.Covers(on))?.YearOf(on).Start;
        var entries = (ledger?.Counted(rule.Basis, year, contractYear) ?? []).ToList();
        var completed = entries.Where(e => e.Completed).Sum(e => e.Jp);
        var planned = entries.Where(e => !e.Completed).Sum(e => e.Jp);
        var minimum = rule.Limit == JpLimit.Minimum;
        var lines = entries.Select(Line).OrderBy(l => l.Year).ThenBy(l => l.GrantId).ToList();
        return new JpLedgerView(
            profile.Nip, profile.EmploymentType, year, rule, completed, planned,
            minimum ? Math.Max(0, rule.Jp - completed) : null,
            minimum ? Math.Max(0, rule.Jp - completed - planned) : null,
            minimum ? null : Math.Max(0, rule.Jp - completed - planned),
            lines);

        // Every ledger entry comes from a grant whose record is written in the same transaction.
        JpLedgerLine Line(JpEntry e)
        {
            var grant = grants[e.GrantId].Request;
            return new JpLedgerLine(e.GrantId, e.Year, grant.Program, grant.Track, grants[e.GrantId].Status, e.Jp, e.Completed);
        }
    }
}

/// <summary>The year defaults to the current one (WIT); for a PPPK the totals are those of the agreement year containing today.</summary>
public sealed record GetJpLedger(string Nip, int? Year) : IQuery<JpLedgerView>;

public sealed class GetJpLedgerHandler(IEmployeeDirectory directory, ITrainingDirectory training, IEventStore store, TrainingAccess access, TimeProvider clock)
    : IQueryHandler<GetJpLedger, JpLedgerView>
{
    public async ValueTask<JpLedgerView> Handle(GetJpLedger query, CancellationToken ct)
    {
        var profile = await directory.Addressed(query.Nip, ct);
        await access.EnsureCanRead(profile, ct);
        var ledger = await store.Load<JpLedger>(JpLedger.IdFor(profile.Id), ct);
        var grants = (await training.Grants(new GrantFilter(null, profile.Id, null, null, null, null), ct)).ToDictionary(g => g.Id);
        return JpLedgerView.Of(profile, query.Year ?? clock.Today().Year, clock.Today(), ledger, grants);
    }
}
