using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.Application.Training.RegisteringPartner;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.AmendingPartner;

/// <summary>An addendum to a partner's agreement: every term as it now reads. Accepts If-Match.</summary>
public sealed record AmendTrainingPartner(Guid PartnerId, string Institution, PartnerAgreementInput Agreement, PartnerOfferInput Offer, long? Value)
    : ICommand<Written>, IPartnerTerms;

public sealed class AmendTrainingPartnerValidator : PartnerTermsValidator<AmendTrainingPartner>;

public sealed class AmendTrainingPartnerHandler(IEventStore store, TimeProvider clock) : ICommandHandler<AmendTrainingPartner, Written>
{
    public async ValueTask<Written> Handle(AmendTrainingPartner command, CancellationToken ct) =>
        await store.DecidePartner(command.PartnerId, partner => TrainingPartnerDecisions.Amend(partner, command.Terms(), clock.GetUtcNow()), ct);
}
