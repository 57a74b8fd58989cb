using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.RejectingGrant;

/// <summary>Refuses a request; only a request can be rejected, so nothing was reserved (an approved grant is cancelled instead).</summary>
public sealed record RejectTrainingGrant(Guid GrantId, string Reason) : ICommand<Written>;

public sealed class RejectTrainingGrantValidator : AbstractValidator<RejectTrainingGrant>
{
    public RejectTrainingGrantValidator() => RuleFor(c => c.Reason).Reason();
}

public sealed class RejectTrainingGrantHandler(TrainingGrantStreams grants) : ICommandHandler<RejectTrainingGrant, Written>
{
    public async ValueTask<Written> Handle(RejectTrainingGrant command, CancellationToken ct) =>
        await grants.Decide(command.GrantId, command.Reason, (grant, accounts, now) =>
            accounts.ReleasingPartnerSeat(TrainingGrantDecisions.Reject(grant, command.Reason, now), now), ct);
}
