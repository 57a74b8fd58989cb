using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.FollowUps;
using Mediator;

namespace Kinerja.Application.FollowUps.CompletingSupportPlan;

/// <summary>hr-admin records that the employee's support plan of the cycle was carried out, with its outcome.</summary>
public sealed record CompleteSupportPlan(string Nip, Guid CycleId, SupportOutcome? Outcome, string Notes, DateOnly? CompletedOn) : ICommand<Written>;

public sealed class CompleteSupportPlanValidator : AbstractValidator<CompleteSupportPlan>
{
    public CompleteSupportPlanValidator()
    {
        RuleFor(c => c.CycleId).NotEmpty();
        RuleFor(c => c.Outcome).NotNull().IsInEnum();
        RuleFor(c => c.Notes).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.CompletedOn).NotNull();
    }
}

public sealed class CompleteSupportPlanHandler(FollowUpStreams followUps) : ICommandHandler<CompleteSupportPlan, Written>
{
    public async ValueTask<Written> Handle(CompleteSupportPlan command, CancellationToken ct) =>
        await followUps.Decide(command.Nip, command.CycleId, (state, cycle, facts, by, now) =>
            FollowUpDecisions.CompleteSupportPlan(state, cycle, facts.EmployeeId, new SupportCompletion(command.Outcome!.Value, command.Notes, command.CompletedOn!.Value), by, now), ct);
}
