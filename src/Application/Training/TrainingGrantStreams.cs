using Kinerja.Application.Common;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Training;

/// <summary>The accounts a grant draws on, fetched for writing in the grant's unit of work.</summary>
public sealed class GrantAccounts(IEventStore store, TrainingGrant grant, DateOnly today, CancellationToken ct)
{
    /// <summary>For a PPPK, the start of the agreement year the grant falls in: the one containing today, moved into the grant's year.</summary>
    public async Task<DateOnly?> ContractYear()
    {
        var on = today.Year < grant.Year ? new DateOnly(grant.Year, 1, 1) : today.Year > grant.Year ? new DateOnly(grant.Year, 12, 31) : today;
        var employee = await store.Load<Employee>(grant.EmployeeId, ct);
        return employee?.ContractOn(on)?.YearOf(on).Start;
    }

    public Task<IAggregateStream<TrainingBudget>> Budget() =>
        store.FetchForWriting<TrainingBudget>(TrainingBudget.IdFor(grant.UnitCode, grant.Year), null, ct);

    public Task<IAggregateStream<JpLedger>> Ledger() => store.FetchForWriting<JpLedger>(JpLedger.IdFor(grant.EmployeeId), null, ct);

    /// <summary>
    /// A grant that closes without training gives its seat and JP back to the registered partner that funds it
    /// (docs/decisions/103); grants that named a partner in free text only drew on nothing.
    /// </summary>
    public async Task<IReadOnlyList<object>> ReleasingPartnerSeat(IReadOnlyList<object> events, DateTimeOffset now)
    {
        if (events.Count > 0 && grant.Funding.PartnerId is { } partnerId)
        {
            var partner = await store.FetchForWriting<TrainingPartner>(partnerId, null, ct);
            if (partner.State is { } state)
            {
                partner.Append(TrainingPartnerDecisions.Release(state, grant.Id, now));
            }
        }

        return events;
    }

    /// <summary>A partner-funded grant is held within its partner's agreement when it is scheduled.</summary>
    public async Task EnsurePartnerCovers(DateOnly startsOn, DateOnly endsOn)
    {
        if (grant.Funding.PartnerId is { } partnerId && await store.Load<TrainingPartner>(partnerId, ct) is { } partner)
        {
            TrainingPartnerDecisions.EnsureCovers(partner, startsOn, endsOn);
        }
    }
}

/// <summary>
/// The one path every action on an existing grant takes: fetch the grant at the caller's version,
/// let the action append to the unit budget and the JP ledger in the same unit of work, commit once.
/// A commit that loses a race (another approval took the budget or ledger first) is decided again
/// on fresh state, so the loser hears the budget's answer (budget-exceeded) rather than a bare conflict.
/// A stale If-Match on the grant itself still fails at the re-fetch.
/// </summary>
public sealed class TrainingGrantStreams(IEventStore store, ICurrentActor current, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<Written> Decide(
        Guid id, string? reason, Func<TrainingGrant, GrantAccounts, DateTimeOffset, Task<IReadOnlyList<object>>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stream = await store.FetchForWriting<TrainingGrant>(id, current.IfMatch, ct);
            var grant = stream.State ?? throw new NotFound("training-grant-not-found", $"No training grant has id {id}.");
            var events = await decide(grant, new GrantAccounts(store, grant, clock.Today(), ct), clock.GetUtcNow());
            stream.Append(events);
            try
            {
                await store.SaveChanges(reason, ct);
                return new Written(id, stream.Version + events.Count, id.ToString());
            }
            catch (ApplicationFailure lost) when (lost is ConcurrencyConflict or DuplicateKey && attempt < Attempts)
            {
                // DuplicateKey: two first entries raced to start the same JP ledger stream.
            }
        }
    }
}
