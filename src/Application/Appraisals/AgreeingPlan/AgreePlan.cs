using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.AgreeingPlan;

/// <summary>The rater agrees the submitted version they read; from then on it never changes.</summary>
public sealed record AgreePlan(Guid CycleId, string Nip, int? Version) : ICommand<Written>;

public sealed class AgreePlanValidator : AbstractValidator<AgreePlan>
{
    public AgreePlanValidator() => RuleFor(c => c.Version).NotNull().GreaterThanOrEqualTo(1);
}

public sealed class AgreePlanHandler(AppraisalStreams appraisals, AppraisalAccess access, ICurrentActor current) : ICommandHandler<AgreePlan, Written>
{
    public async ValueTask<Written> Handle(AgreePlan command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            var actor = await access.EnsureRater(appraisal, ct);
            return AppraisalDecisions.AgreePlan(appraisal, cycle, command.Version!.Value, actor, current.Actor, now);
        }, ct);
}
