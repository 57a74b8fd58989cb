using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.ReturningEvaluation;

/// <summary>The rater's superior sends the evaluation back to the rater with what to reconsider.</summary>
public sealed record ReturnEvaluation(Guid CycleId, string Nip, string Comments) : ICommand<Written>;

public sealed class ReturnEvaluationValidator : AbstractValidator<ReturnEvaluation>
{
    public ReturnEvaluationValidator() => RuleFor(c => c.Comments).NotEmpty().MaximumLength(2000);
}

public sealed class ReturnEvaluationHandler(AppraisalStreams appraisals, AppraisalAccess access, ICurrentActor current)
    : ICommandHandler<ReturnEvaluation, Written>
{
    public async ValueTask<Written> Handle(ReturnEvaluation command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureApprover(appraisal, ct);
            return AppraisalDecisions.ReturnEvaluation(appraisal, cycle, command.Comments, current.Actor, now);
        }, ct);
}
