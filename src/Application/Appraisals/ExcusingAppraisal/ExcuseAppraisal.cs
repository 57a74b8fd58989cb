using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.ExcusingAppraisal;

/// <summary>hr-admin excuses an appraisal from evaluation with a reason (e.g. long leave), so the cycle can close without it.</summary>
public sealed record ExcuseAppraisal(Guid CycleId, string Nip, string Reason) : ICommand<Written>;

public sealed class ExcuseAppraisalValidator : AbstractValidator<ExcuseAppraisal>
{
    public ExcuseAppraisalValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class ExcuseAppraisalHandler(AppraisalStreams appraisals, ICurrentActor current) : ICommandHandler<ExcuseAppraisal, Written>
{
    public async ValueTask<Written> Handle(ExcuseAppraisal command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, (appraisal, cycle, now) =>
            Task.FromResult(AppraisalDecisions.Excuse(appraisal, cycle, command.Reason, current.Actor, now)), ct);
}
