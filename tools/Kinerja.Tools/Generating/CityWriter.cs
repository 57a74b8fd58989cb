using Kinerja.Application.Common;
using Kinerja.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tools.Generating;

/// <summary>
/// Writes decided streams through the same <see cref="IEventStore"/> port as the API (so the same
/// metadata and hash-chain seals), but many streams per unit of work instead of one per request.
/// </summary>
public sealed class CityWriter(IServiceScopeFactory scopes, int seed, int employees)
{
    public const string UserName = "generator";

    /// <summary>The generator acting on its own (cycles, unit results, excusals).</summary>
    public static readonly Actor Service = Actor.Service(UserName);

    /// <summary>A generated ASN acting in <paramref name="role"/>: known by NIP, as a token with that NIP would record them.</summary>
    public static Actor Asn(string nip, string role) => new(nip, null, role, nip);

    /// <summary>Large enough to amortise a round trip, small enough to keep a transaction and its inline projections modest.</summary>
    private const int BatchEvents = 2000;

    private readonly List<Action<IEventStore>> _pending = [];
    private int _pendingEvents;

    public long Events { get; private set; }

    public int Streams { get; private set; }

    private readonly string _reason = $"generated city (seed {seed}, {employees} employees)";

    public string CorrelationId { get; } = $"generate-city/seed-{seed}";

    /// <summary>Queues a whole new stream; every decision behind it was taken in order before.</summary>
    public async Task Start<T>(Guid id, IReadOnlyList<object> events, CancellationToken ct) where T : class
    {
        if (events.Count == 0)
        {
            return;
        }

        _pending.Add(store => store.Start<T>(id, events));
        _pendingEvents += events.Count;
        Streams++;
        if (_pendingEvents >= BatchEvents)
        {
            await Flush(ct);
        }
    }

    /// <summary>Appends to a stream written earlier, under the store's version check.</summary>
    public async Task Append<T>(Guid id, IReadOnlyList<object> events, CancellationToken ct) where T : class
    {
        await Flush(ct);
        await Commit(async store => (await store.FetchForWriting<T>(id, null, ct)).Append(events), events.Count, ct);
    }

    public async Task Flush(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.ToList();
        var count = _pendingEvents;
        _pending.Clear();
        _pendingEvents = 0;
        await Commit(store =>
        {
            batch.ForEach(start => start(store));
            return Task.CompletedTask;
        }, count, ct);
    }

    private async Task Commit(Func<IEventStore, Task> work, int events, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorScope>().Assign(new SystemActor(UserName, CorrelationId));
        scope.ServiceProvider.GetRequiredService<CommandContext>().CausationId = "generate-city";
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        await work(store);
        await store.SaveChanges(_reason, ct);
        Events += events;
    }
}
