using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Training.RequestingGrant;

/// <summary>
/// A partner-funded grant takes a seat of its registered partner's offer in the same unit of work that starts the grant, so
/// two requests racing for the last seat meet at the partner stream's version: the loser decides again and hears
/// partner-offer-exhausted (docs/decisions/103).
/// </summary>
public sealed class PartnerSeats(IEventStore store)
{
    public const int Attempts = 5;

    public async Task<Funding> Draw(Guid? partnerId, Guid grantId, NewTrainingGrant grant, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        if (partnerId is not { } id)
        {
            return new Funding(FundingSource.UnitBudget, null);
        }

        var stream = await store.FetchForWriting<TrainingPartner>(id, null, ct);
        var partner = stream.State ?? throw new DomainRuleViolation("partner-not-registered",
            $"No training partner has id {id}: register the partner and its agreement first.", new Dictionary<string, object> { ["partnerId"] = id });
        stream.Append(TrainingPartnerDecisions.Take(partner, grantId, grant.Year, grant.PlannedJp, today, now));
        return new Funding(FundingSource.Partner, partner.Institution, id);
    }
}
