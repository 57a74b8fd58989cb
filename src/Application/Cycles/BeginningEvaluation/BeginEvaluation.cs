using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Cycles.BeginningEvaluation;

/// <summary>hr-admin moves the cycle into evaluation (penilaian) by hand, e.g. before an annual period's last day.</summary>
public sealed record BeginEvaluation(Guid Id) : ICommand<Written>;

/// <summary>The scheduler's move at the end of the period; only the system actor sends it.</summary>
public sealed record BeginDueEvaluation(Guid Id) : ICommand<Written>;

public sealed class BeginEvaluationHandler(CycleStreams cycles, ICycleScheduler scheduler, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<BeginEvaluation, Written>, ICommandHandler<BeginDueEvaluation, Written>
{
    public async ValueTask<Written> Handle(BeginEvaluation command, CancellationToken ct) =>
        await cycles.Decide(command.Id, CycleDecisions.BeginEvaluation, ct);

    public async ValueTask<Written> Handle(BeginDueEvaluation command, CancellationToken ct)
    {
        if (current.Actor.Role != SystemActor.Role)
        {
            throw new AccessDenied("Only the scheduler moves a cycle into evaluation on its own.");
        }

        return await cycles.Decide(command.Id, (cycle, by, now) => CycleDecisions.BeginDueEvaluation(cycle, by, clock.Today(), now), ct,
            async (cycle, events) =>
            {
                // Delivered before the period ended by this service's clock (clock skew between nodes): try again at the end.
                if (events.Count == 0 && cycle.Phase == CyclePhase.InProgress)
                {
                    await scheduler.ScheduleEvaluation(cycle.Id, CycleStreams.EvaluationDueAt(cycle.PeriodEnd), ct);
                }
            });
    }
}
