using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Cycles.StartingCycle;

/// <summary>Planning ends and the work of the period begins (pelaksanaan); the move into evaluation at the period's end is scheduled now.</summary>
public sealed record StartCycle(Guid Id) : ICommand<Written>;

public sealed class StartCycleHandler(CycleStreams cycles, ICycleScheduler scheduler) : ICommandHandler<StartCycle, Written>
{
    public async ValueTask<Written> Handle(StartCycle command, CancellationToken ct) =>
        await cycles.Decide(command.Id, CycleDecisions.Start, ct, async (cycle, events) =>
        {
            // Scheduled in the same unit of work as CycleStarted: a start that does not commit leaves no schedule behind.
            if (events.Count > 0)
            {
                await scheduler.ScheduleEvaluation(cycle.Id, CycleStreams.EvaluationDueAt(cycle.PeriodEnd), ct);
            }
        });
}
