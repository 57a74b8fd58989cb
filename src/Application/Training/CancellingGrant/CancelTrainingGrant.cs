using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.CancellingGrant;

/// <summary>
/// Cancels a grant before completion, releasing its reservation and planned JP. Those who may
/// request a grant may withdraw it while it is still a request; after approval only hr-admin or the portal may.
/// </summary>
public sealed record CancelTrainingGrant(Guid GrantId, string Reason) : ICommand<Written>;

public sealed class CancelTrainingGrantValidator : AbstractValidator<CancelTrainingGrant>
{
    public CancelTrainingGrantValidator() => RuleFor(c => c.Reason).Reason();
}

public sealed class CancelTrainingGrantHandler(TrainingGrantStreams grants, TrainingAccess access, IEmployeeDirectory directory)
    : ICommandHandler<CancelTrainingGrant, Written>
{
    public async ValueTask<Written> Handle(CancelTrainingGrant command, CancellationToken ct) =>
        await grants.Decide(command.GrantId, command.Reason, async (grant, accounts, now) =>
        {
            if (!access.ManagesGrants)
            {
                var profile = await directory.Find(grant.EmployeeId, ct) ?? throw new AccessDenied("The grant's employee is not in the registry.");
                await access.EnsureCanRequest(profile, ct);
                if (grant.Status is not (GrantStatus.Requested or GrantStatus.Cancelled))
                {
                    throw new AccessDenied("Once approved, a grant may be cancelled only by hr-admin or the portal.");
                }
            }

            var events = await accounts.ReleasingPartnerSeat(TrainingGrantDecisions.Cancel(grant, command.Reason, now), now);
            if (events.Count == 0 || !grant.IsCommitted)
            {
                return events;
            }

            var ledger = await accounts.Ledger();
            ledger.Append(JpLedgerDecisions.Withdraw(ledger.State, grant.Id, now));
            if (grant.DrawsOnBudget)
            {
                var budget = await accounts.Budget();
                budget.Append(TrainingBudgetDecisions.Release(budget.State!, grant.Id, now));
            }

            return events;
        }, ct);
}
