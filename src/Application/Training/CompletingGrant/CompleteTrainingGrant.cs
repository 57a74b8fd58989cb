using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.CompletingGrant;

/// <summary>
/// Reports the training done: JP actually attended, the certificate (STTPP) reference, the actual
/// cost (default: the planned cost) and optionally the competency level it attests.
/// </summary>
public sealed record CompleteTrainingGrant(
    Guid GrantId, DateOnly? CompletedOn, int? AttendedJp, long? ActualCost, string? CertificateReference, CompetencyLevel? NewCompetencyLevel) : ICommand<Written>;

public sealed class CompleteTrainingGrantValidator : AbstractValidator<CompleteTrainingGrant>
{
    public CompleteTrainingGrantValidator()
    {
        RuleFor(c => c.AttendedJp).Jp();
        RuleFor(c => c.ActualCost).Rupiah().When(c => c.ActualCost is not null);
        RuleFor(c => c.CertificateReference).MaximumLength(TrainingRules.MaxTextLength);
        RuleFor(c => c.NewCompetencyLevel!).ChildRules(l =>
        {
            l.RuleFor(x => x.Code).CompetencyCode();
            l.RuleFor(x => x.Level).InclusiveBetween(CompetencyLevel.Min, CompetencyLevel.Max);
        }).When(c => c.NewCompetencyLevel is not null);
    }
}

/// <summary>Completion turns the reservation into spending at the actual cost and the planned JP into the JP attended, in one commit.</summary>
public sealed class CompleteTrainingGrantHandler(TrainingGrantStreams grants, TimeProvider clock) : ICommandHandler<CompleteTrainingGrant, Written>
{
    public async ValueTask<Written> Handle(CompleteTrainingGrant command, CancellationToken ct)
    {
        var level = command.NewCompetencyLevel is { } l ? l with { Code = l.Code.ToUpperInvariant() } : null;
        var report = new CompletionReport(command.CompletedOn ?? clock.Today(), command.AttendedJp!.Value, command.ActualCost, command.CertificateReference, level);
        return await grants.Decide(command.GrantId, null, async (grant, accounts, now) =>
        {
            var events = TrainingGrantDecisions.Complete(grant, report, now);
            if (events is not [TrainingGrantCompleted completed])
            {
                return events;
            }

            var ledger = await accounts.Ledger();
            ledger.Append(JpLedgerDecisions.Complete(
                ledger.State, grant.EmployeeId, JpEntitlement.For(grant.EmploymentType), grant.Id, grant.Year, completed.AttendedJp, now, await accounts.ContractYear()));
            if (grant.DrawsOnBudget)
            {
                var budget = await accounts.Budget();
                budget.Append(TrainingBudgetDecisions.Spend(budget.State!, grant.Id, completed.ActualCost, now));
            }

            return events;
        }, ct);
    }
}
