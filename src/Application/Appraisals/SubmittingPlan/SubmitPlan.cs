using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.SubmittingPlan;

/// <summary>Hands the current draft to the rater for the dialog kinerja.</summary>
public sealed record SubmitPlan(Guid CycleId, string Nip) : ICommand<Written>;

public sealed class SubmitPlanHandler(AppraisalStreams appraisals, AppraisalAccess access) : ICommandHandler<SubmitPlan, Written>
{
    public async ValueTask<Written> Handle(SubmitPlan command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureOwner(appraisal.EmployeeId, ct);
            return AppraisalDecisions.SubmitPlan(appraisal, cycle, now);
        }, ct);
}
