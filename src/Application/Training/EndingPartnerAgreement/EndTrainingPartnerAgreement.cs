using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.EndingPartnerAgreement;

/// <summary>Ends a partner's agreement early: its last day in force and why. Grants already granted keep their seats. Accepts If-Match.</summary>
public sealed record EndTrainingPartnerAgreement(Guid PartnerId, DateOnly? EndedOn, string Reason) : ICommand<Written>;

public sealed class EndTrainingPartnerAgreementValidator : AbstractValidator<EndTrainingPartnerAgreement>
{
    public EndTrainingPartnerAgreementValidator()
    {
        RuleFor(c => c.EndedOn).NotNull();
        RuleFor(c => c.Reason).Reason();
    }
}

public sealed class EndTrainingPartnerAgreementHandler(IEventStore store, TimeProvider clock) : ICommandHandler<EndTrainingPartnerAgreement, Written>
{
    public async ValueTask<Written> Handle(EndTrainingPartnerAgreement command, CancellationToken ct) =>
        await store.DecidePartner(command.PartnerId, partner => TrainingPartnerDecisions.End(partner, command.EndedOn!.Value, command.Reason, clock.GetUtcNow()), ct);
}
