using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Cycles.BeginningEvaluation;
using Kinerja.Infrastructure.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace Kinerja.Infrastructure.Cycles;

/// <summary>The period of a cycle has ended: move it into evaluation. Kept in Wolverine's durable inbox until then.</summary>
public sealed record CycleEvaluationDue(Guid CycleId, string CorrelationId);

/// <summary>
/// Schedules through a Marten outbox enrolled in the very session the command's events are committed
/// with, so the scheduled message is stored in the same transaction as the events, or not at all.
/// </summary>
internal sealed class WolverineCycleScheduler(MartenEventStore store, IWolverineRuntime runtime, ICurrentActor current, TimeProvider clock, Tenancy.TenantScope tenant)
    : ICycleScheduler
{
    public async Task ScheduleEvaluation(Guid cycleId, DateTimeOffset at, CancellationToken ct)
    {
        // Kept in the instansi's own database, and handled for that instansi (docs/decisions/145).
        var outbox = new MartenOutbox(runtime, store.Session) { TenantId = tenant.Id };
        var message = new CycleEvaluationDue(cycleId, current.CorrelationId);
        // The delay is measured on the service's clock (TimeProvider), which tests control.
        var delay = at - clock.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            await outbox.ScheduleAsync(message, delay);
        }
        else
        {
            await outbox.PublishAsync(message);
        }
    }
}

/// <summary>Runs the scheduled move as the system actor, in a scope of its own, through the same use case hr-admin's move takes.</summary>
public static class CycleEvaluationDueHandler
{
    public const string SchedulerName = "system:scheduler";

    public static void Configure(HandlerChain chain) =>
        chain.OnAnyException().RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)).Then.ScheduleRetry(TimeSpan.FromMinutes(5));

    public static async Task Handle(CycleEvaluationDue due, IServiceScopeFactory scopes, IMessageContext context, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenancy.TenantScope>().Enter(scope.ServiceProvider.GetRequiredService<Tenancy.TenancySettings>().Of(context.TenantId));
        scope.ServiceProvider.GetRequiredService<ActorScope>().Assign(new SystemActor(SchedulerName, due.CorrelationId));
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new BeginDueEvaluation(due.CycleId), ct);
    }
}
