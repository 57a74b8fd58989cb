using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Cycles.ClosingCycle;

/// <summary>Ends the evaluation once every appraisal is final or excused; from then on nothing is written to the cycle's appraisals.</summary>
public sealed record CloseCycle(Guid Id) : ICommand<Written>;

public sealed class CloseCycleHandler(CycleStreams cycles, IAppraisalDirectory appraisals) : ICommandHandler<CloseCycle, Written>
{
    public async ValueTask<Written> Handle(CloseCycle command, CancellationToken ct)
    {
        var unsettled = await appraisals.CountUnsettled(command.Id, ct);
        return await cycles.Decide(command.Id, (cycle, by, now) => CycleDecisions.Close(cycle, unsettled, by, now), ct);
    }
}
