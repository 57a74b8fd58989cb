using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.SchedulingGrant;

/// <summary>Sets the dates of an approved grant; scheduling a scheduled grant again reschedules it.</summary>
public sealed record ScheduleTrainingGrant(Guid GrantId, DateOnly? StartsOn, DateOnly? EndsOn) : ICommand<Written>;

public sealed class ScheduleTrainingGrantValidator : AbstractValidator<ScheduleTrainingGrant>
{
    public ScheduleTrainingGrantValidator()
    {
        RuleFor(c => c.StartsOn).NotNull();
        RuleFor(c => c.EndsOn).NotNull().GreaterThanOrEqualTo(c => c.StartsOn).When(c => c.StartsOn is not null);
    }
}

public sealed class ScheduleTrainingGrantHandler(TrainingGrantStreams grants) : ICommandHandler<ScheduleTrainingGrant, Written>
{
    public async ValueTask<Written> Handle(ScheduleTrainingGrant command, CancellationToken ct) =>
        await grants.Decide(command.GrantId, null, async (grant, accounts, now) =>
        {
            var events = TrainingGrantDecisions.Schedule(grant, command.StartsOn!.Value, command.EndsOn!.Value, now);
            if (events.Count > 0)
            {
                await accounts.EnsurePartnerCovers(command.StartsOn.Value, command.EndsOn.Value);
            }

            return events;
        }, ct);
}
