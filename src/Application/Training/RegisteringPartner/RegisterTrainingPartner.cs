using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.RegisteringPartner;

public sealed record PartnerAgreementInput(string PksNumber, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record PartnerOfferInput(int? SeatsPerYear, int? JpPerYear, IReadOnlyList<string> CompetencyCodes);

/// <summary>The terms of a partner's agreement (PKS) as a registration or an amendment carries them.</summary>
public interface IPartnerTerms
{
    string Institution { get; }

    PartnerAgreementInput Agreement { get; }

    PartnerOfferInput Offer { get; }

    long? Value { get; }
}

public static class PartnerTermsInput
{
    public static PartnerTerms Terms(this IPartnerTerms input) => new(
        input.Institution,
        new PartnerAgreement(input.Agreement.PksNumber, input.Agreement.StartsOn!.Value, input.Agreement.EndsOn!.Value),
        new PartnerOffer(input.Offer.SeatsPerYear, input.Offer.JpPerYear, input.Offer.CompetencyCodes),
        input.Value!.Value);
}

public abstract class PartnerTermsValidator<T> : AbstractValidator<T> where T : IPartnerTerms
{
    protected PartnerTermsValidator()
    {
        RuleFor(c => c.Institution).NotEmpty().MaximumLength(TrainingRules.MaxTextLength);
        RuleFor(c => c.Value).Rupiah();
        RuleFor(c => c.Agreement).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x.PksNumber).NotEmpty().MaximumLength(100);
            a.RuleFor(x => x.StartsOn).NotNull();
            a.RuleFor(x => x.EndsOn).NotNull().GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null);
        });
        RuleFor(c => c.Offer).NotNull().ChildRules(o =>
        {
            o.RuleFor(x => x.SeatsPerYear).NotNull().When(x => x.JpPerYear is null).WithMessage(new Wording("penawaran menyebut kursi, JP, atau keduanya per tahun", "an offer gives seats, JP or both per year"));
            o.RuleFor(x => x.SeatsPerYear).GreaterThan(0).LessThanOrEqualTo(TrainingRules.MaxJp);
            o.RuleFor(x => x.JpPerYear).GreaterThan(0).LessThanOrEqualTo(TrainingRules.MaxJp);
            o.RuleFor(x => x.CompetencyCodes).CompetencyCodes();
        });
    }
}

/// <summary>Registers a training partner (mitra kerja sama) with its agreement, offer and value; BKPSDM (hr-admin) only.</summary>
public sealed record RegisterTrainingPartner(string Institution, PartnerAgreementInput Agreement, PartnerOfferInput Offer, long? Value)
    : ICommand<Written>, IPartnerTerms;

public sealed class RegisterTrainingPartnerValidator : PartnerTermsValidator<RegisterTrainingPartner>;

public sealed class RegisterTrainingPartnerHandler(IEventStore store, TimeProvider clock) : ICommandHandler<RegisterTrainingPartner, Written>
{
    public async ValueTask<Written> Handle(RegisterTrainingPartner command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var events = TrainingPartnerDecisions.Register(id, command.Terms(), clock.GetUtcNow());
        store.Start<TrainingPartner>(id, events);
        await store.SaveChanges(null, ct);
        return new Written(id, events.Count, id.ToString());
    }
}
