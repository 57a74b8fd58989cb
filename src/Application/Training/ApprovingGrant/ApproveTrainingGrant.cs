using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.ApprovingGrant;

public sealed record ApproveTrainingGrant(Guid GrantId, string? Note) : ICommand<Written>;

public sealed class ApproveTrainingGrantValidator : AbstractValidator<ApproveTrainingGrant>
{
    public ApproveTrainingGrantValidator() => RuleFor(c => c.Note).MaximumLength(TrainingRules.MaxReasonLength);
}

/// <summary>
/// Approval commits the grant's lesson hours to the employee's JP ledger (refused beyond a cap) and,
/// for a unit-funded grant, reserves its cost on the unit's budget (refused beyond what remains),
/// all in one commit.
/// </summary>
public sealed class ApproveTrainingGrantHandler(TrainingGrantStreams grants) : ICommandHandler<ApproveTrainingGrant, Written>
{
    public async ValueTask<Written> Handle(ApproveTrainingGrant command, CancellationToken ct) =>
        await grants.Decide(command.GrantId, null, async (grant, accounts, now) =>
        {
            var events = TrainingGrantDecisions.Approve(grant, command.Note, now);
            if (events.Count == 0)
            {
                return events;
            }

            var ledger = await accounts.Ledger();
            ledger.Append(JpLedgerDecisions.Plan(
                ledger.State, grant.EmployeeId, JpEntitlement.For(grant.EmploymentType), grant.Id, grant.Year, grant.PlannedJp, now, await accounts.ContractYear()));
            if (grant.DrawsOnBudget)
            {
                var budget = await accounts.Budget();
                budget.Append(TrainingBudgetDecisions.Reserve(budget.State, grant.UnitCode, grant.Year, grant.Id, grant.Cost, now));
            }

            return events;
        }, ct);
}
