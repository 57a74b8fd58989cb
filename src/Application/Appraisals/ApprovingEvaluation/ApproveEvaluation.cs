using Kinerja.Application.Common;
using Kinerja.Application.Evaluations;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.ApprovingEvaluation;

/// <summary>The rater's superior (atasan pejabat penilai) approves the evaluation; it is final from then on.</summary>
public sealed record ApproveEvaluation(Guid CycleId, string Nip) : ICommand<Written>;

public sealed class ApproveEvaluationHandler(AppraisalStreams appraisals, AppraisalAccess access, UnitHeadResults unitHeads, ICurrentActor current)
    : ICommandHandler<ApproveEvaluation, Written>
{
    public async ValueTask<Written> Handle(ApproveEvaluation command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureApprover(appraisal, ct);
            var events = AppraisalDecisions.ApproveEvaluation(appraisal, cycle, current.Actor, now);
            if (events.Count > 0)
            {
                await unitHeads.Follow(appraisal, cycle, now, ct);
            }

            return events;
        }, ct);
}
