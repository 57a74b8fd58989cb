using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Appraisals.ApprovingEvaluation;

/// <summary>The rater's superior (atasan pejabat penilai) approves the evaluation; it is final from then on, its score on the weights in force.</summary>
public sealed record ApproveEvaluation(Guid CycleId, string Nip) : ICommand<Written>;

public sealed class ApproveEvaluationHandler(AppraisalStreams appraisals, AppraisalAccess access, ScoreWeights weights, ICurrentActor current)
    : ICommandHandler<ApproveEvaluation, Written>
{
    public async ValueTask<Written> Handle(ApproveEvaluation command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureApprover(appraisal, ct);
            return AppraisalDecisions.ApproveEvaluation(appraisal, cycle, current.Actor, now, weights.Version);
        }, ct);
}
