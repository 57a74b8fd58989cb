using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Training.AnalysingNeeds;
using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.RequestingGrant;

/// <summary>A partner-funded grant names a registered partner by <see cref="PartnerId"/>; <see cref="Partner"/> (free text) is no longer needed.</summary>
public sealed record FundingInput(FundingSource? Source, string? Partner, Guid? PartnerId = null);

public sealed record ReferenceInput(ReferenceKind? Kind, string Id);

/// <summary>Why the training: its basis in words, with links to the appraisal, weakness or 9-box recommendation behind it where they exist.</summary>
public sealed record ReasonInput(GrantBasis? Basis, string Text, IReadOnlyList<ReferenceInput>? References);

/// <summary>Asks for training for an employee; the year (tahun anggaran) defaults to the current one.</summary>
public sealed record RequestTrainingGrant(
    string Nip,
    int? Year,
    string Program,
    string Provider,
    TrainingTrack? Track,
    IReadOnlyList<string> CompetencyCodes,
    int? PlannedJp,
    long? Cost,
    FundingInput Funding,
    ReasonInput Reason) : ICommand<Written>;

public sealed class RequestTrainingGrantValidator : AbstractValidator<RequestTrainingGrant>
{
    private static readonly Wording UnitFundedHasNoPartner = new("pengembangan yang didanai anggaran unit tidak memiliki mitra", "a unit-funded grant has no partner");

    public RequestTrainingGrantValidator()
    {
        RuleFor(c => c.Nip).NotEmpty();
        RuleFor(c => c.Year!.Value).BudgetYear().When(c => c.Year is not null);
        RuleFor(c => c.Program).NotEmpty().MaximumLength(TrainingRules.MaxTextLength);
        RuleFor(c => c.Provider).NotEmpty().MaximumLength(TrainingRules.MaxTextLength);
        RuleFor(c => c.Track).NotNull().IsInEnum();
        RuleFor(c => c.CompetencyCodes).CompetencyCodes();
        RuleFor(c => c.PlannedJp).Jp();
        RuleFor(c => c.Cost).Rupiah();
        RuleFor(c => c.Funding).NotNull().ChildRules(f =>
        {
            f.RuleFor(x => x.Source).NotNull().IsInEnum();
            f.RuleFor(x => x.PartnerId).NotNull().When(x => x.Source == FundingSource.Partner)
                .WithMessage(new Wording("pengembangan yang didanai mitra menyebut mitra terdaftarnya (GET training-partners)", "a partner-funded grant names its registered partner (GET training-partners)"));
            f.RuleFor(x => x.Partner).MaximumLength(TrainingRules.MaxTextLength);
            f.RuleFor(x => x.Partner).Empty().When(x => x.Source == FundingSource.UnitBudget).WithMessage(UnitFundedHasNoPartner);
            f.RuleFor(x => x.PartnerId).Null().When(x => x.Source == FundingSource.UnitBudget).WithMessage(UnitFundedHasNoPartner);
        });
        RuleFor(c => c.Reason).NotNull().ChildRules(r =>
        {
            r.RuleFor(x => x.Basis).NotNull().IsInEnum();
            r.RuleFor(x => x.Text).Reason();
            r.RuleFor(x => x.References).AtMostItems(20).WithMessage(Wordings.AtMost(20, "rujukan", "references"));
            r.RuleForEach(x => x.References).NotNull().ChildRules(x =>
            {
                x.RuleFor(y => y.Kind).NotNull().IsInEnum();
                x.RuleFor(y => y.Id).NotEmpty().MaximumLength(100);
            });
        });
    }
}

public sealed class RequestTrainingGrantHandler(IEventStore store, IEmployeeDirectory directory, TrainingAccess access, GrantReferences references, PartnerSeats partners, TimeProvider clock)
    : ICommandHandler<RequestTrainingGrant, Written>
{
    public async ValueTask<Written> Handle(RequestTrainingGrant command, CancellationToken ct)
    {
        var profile = await directory.FindByNip(command.Nip, ct) ?? throw new DomainRuleViolation("unknown-employee", $"No employee has NIP {command.Nip}.");
        await access.EnsureCanRequest(profile, ct);
        _ = JpEntitlement.For(profile.EmploymentType);
        var employee = await store.Load<Employee>(profile.Id, ct) ?? throw new DomainRuleViolation("unknown-employee", $"No employee has NIP {command.Nip}.");
        var today = clock.Today();
        var reason = command.Reason;
        var input = new NewTrainingGrant(
            command.Year ?? today.Year, command.Program, command.Provider, command.Track!.Value,
            [.. command.CompetencyCodes.Select(c => c.ToUpperInvariant())], command.PlannedJp!.Value, command.Cost!.Value,
            new Funding(command.Funding.Source!.Value, null),
            new GrantReason(reason.Basis!.Value, reason.Text.Trim(), [.. (reason.References ?? []).Select(r => new ReasonReference(r.Kind!.Value, r.Id.Trim()))]));
        await references.EnsureExist(profile, input.Reason.References, ct);
        var id = Guid.CreateVersion7();
        IReadOnlyList<object> events = [];
        for (var attempt = 1; ; attempt++)
        {
            var funded = input with { Funding = await partners.Draw(command.Funding.PartnerId, id, input, today, clock.GetUtcNow(), ct) };
            events = TrainingGrantDecisions.Request(id, employee, funded, today, clock.GetUtcNow());
            store.Start<TrainingGrant>(id, events);
            try
            {
                await store.SaveChanges(null, ct);
                break;
            }
            catch (ConcurrencyConflict) when (attempt < PartnerSeats.Attempts)
            {
                // Another grant took a seat of the same partner first: decide again on its fresh offer.
            }
        }

        return new Written(id, events.Count, id.ToString());
    }
}
