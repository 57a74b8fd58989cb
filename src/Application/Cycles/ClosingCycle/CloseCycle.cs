using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Cycles.ClosingCycle;

/// <summary>Ends the evaluation; from then on nothing is written to the cycle's appraisals.</summary>
public sealed record CloseCycle(Guid Id, long? ExpectedVersion) : ICommand<Written>;

public sealed class CloseCycleHandler(CycleStreams cycles) : ICommandHandler<CloseCycle, Written>
{
    public async ValueTask<Written> Handle(CloseCycle command, CancellationToken ct) =>
        await cycles.Decide(command.Id, command.ExpectedVersion, CycleDecisions.Close, ct);
}
