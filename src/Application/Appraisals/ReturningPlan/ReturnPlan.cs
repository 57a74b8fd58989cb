using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.ReturningPlan;

/// <summary>The rater sends the submitted version back with what to change; the employee redrafts it.</summary>
public sealed record ReturnPlan(Guid CycleId, string Nip, int? Version, string Comments) : ICommand<Written>;

public sealed class ReturnPlanValidator : AbstractValidator<ReturnPlan>
{
    public ReturnPlanValidator()
    {
        RuleFor(c => c.Version).NotNull().GreaterThanOrEqualTo(1);
        RuleFor(c => c.Comments).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ReturnPlanHandler(AppraisalStreams appraisals, AppraisalAccess access, ICurrentActor current) : ICommandHandler<ReturnPlan, Written>
{
    public async ValueTask<Written> Handle(ReturnPlan command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            var actor = await access.EnsureRater(appraisal, ct);
            return AppraisalDecisions.ReturnPlan(appraisal, cycle, command.Version!.Value, command.Comments, actor, current.Actor, now);
        }, ct);
}
