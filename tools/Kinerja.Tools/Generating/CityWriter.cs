using System.Reflection;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kinerja.Tools.Generating;

/// <summary>One event of a story and the ASN who took the decision behind it (null: loaded by BKPSDM through the generator).</summary>
public sealed record StoryAct(object Event, string? ActorNip);

/// <summary>
/// Writes decided streams through the same <see cref="IEventStore"/> port as the API (so the same
/// metadata and hash-chain seals), but many streams per unit of work instead of one per request.
/// A seeded city is recorded as its story happened (decision 075): every act an audit checks by its actor is committed
/// under that ASN, and every event is recorded at its business instant, not at the moment of generation.
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

    private const int InstantBatch = 20_000;

    private static readonly Dictionary<Type, PropertyInfo?> InstantProperties = [];

    private readonly List<Action<IEventStore>> _pending = [];
    private readonly Dictionary<Guid, List<DateTimeOffset>> _instants = [];
    private readonly List<(Guid Stream, List<(string Actor, List<object> Events)> Runs, Func<IEventStore, Guid, IReadOnlyList<object>, Task> Append)> _acted = [];
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

        Track(id, events);
        _pending.Add(store => store.Start<T>(id, events));
        _pendingEvents += events.Count;
        Streams++;
        if (_pendingEvents >= BatchEvents)
        {
            await Flush(ct);
        }
    }

    /// <summary>
    /// A new stream whose later acts were taken by ASN the audit names: the acts up to the first of those start the stream
    /// now; the rest wait for <see cref="CommitActed"/>, which commits them under their actors.
    /// </summary>
    public async Task Start<T>(Guid id, IReadOnlyList<StoryAct> acts, CancellationToken ct) where T : class
    {
        var loaded = acts.TakeWhile(a => a.ActorNip is null).Select(a => a.Event).ToList();
        await Start<T>(id, loaded, ct);
        var runs = new List<(string Actor, List<object> Events)>();
        foreach (var act in acts.Skip(loaded.Count))
        {
            var actor = act.ActorNip ?? UserName;
            if (runs.Count == 0 || runs[^1].Actor != actor)
            {
                runs.Add((actor, []));
            }

            runs[^1].Events.Add(act.Event);
        }

        if (runs.Count > 0)
        {
            _acted.Add((id, runs, async (store, stream, events) => (await store.FetchForWriting<T>(stream, null, ct)).Append(events)));
        }
    }

    /// <summary>
    /// Commits the acts <see cref="Start{T}(Guid, IReadOnlyList{StoryAct}, CancellationToken)"/> held back, in rounds (each
    /// stream's acts stay in order): in a round, one unit of work per actor over every stream they act on.
    /// </summary>
    public async Task CommitActed(CancellationToken ct)
    {
        await Flush(ct);
        for (var round = 0; _acted.Any(a => a.Runs.Count > round); round++)
        {
            var byActor = _acted.Where(a => a.Runs.Count > round).GroupBy(a => a.Runs[round].Actor, StringComparer.Ordinal);
            foreach (var group in byActor.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var streams = group.Select(a => (a.Stream, a.Runs[round].Events, a.Append)).ToList();
                foreach (var (stream, events, _) in streams)
                {
                    Track(stream, events);
                }

                ICurrentActor actor = group.Key == UserName ? new SystemActor(UserName, CorrelationId) : new AsnActor(group.Key, CorrelationId);
                // At most a batch's worth of events per unit of work: an actor who acts on every stream (the generator itself, the
                // head of a large unit) would otherwise put all of them in one session, whose cost grows with the square of its
                // pending operations; a province's appraisal year stalled there for over 20 minutes.
                foreach (var chunk in Batches(streams, s => s.Events.Count))
                {
                    await Commit(async store =>
                    {
                        foreach (var (stream, events, append) in chunk)
                        {
                            await append(store, stream, events);
                        }
                    }, chunk.Sum(s => s.Events.Count), actor, ct);
                }
            }
        }

        _acted.Clear();
    }

    private static IEnumerable<List<T>> Batches<T>(IEnumerable<T> items, Func<T, int> events)
    {
        var batch = new List<T>();
        var count = 0;
        foreach (var item in items)
        {
            batch.Add(item);
            count += events(item);
            if (count >= BatchEvents)
            {
                yield return batch;
                batch = [];
                count = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Appends to a stream written earlier, under the store's version check.</summary>
    public async Task Append<T>(Guid id, IReadOnlyList<object> events, CancellationToken ct) where T : class
    {
        await Flush(ct);
        Track(id, events);
        await Commit(async store => (await store.FetchForWriting<T>(id, null, ct)).Append(events), events.Count, new SystemActor(UserName, CorrelationId), ct);
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
        }, count, new SystemActor(UserName, CorrelationId), ct);
    }

    /// <summary>
    /// Sets each written event's recorded instant to its business instant (the one instant every event carries, e.g.
    /// <c>approvedAt</c>), and each stream's created and last-changed instants with it: the city is then recorded as its story
    /// happened, so the audit's late entries and as-of read it like live data. The instant is part of the keyed hash chain, so the streams are
    /// sealed anew afterwards.
    /// </summary>
    public async Task RecordAsOfBusinessTime(CancellationToken ct)
    {
        await Flush(ct);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var schema = store.Options.Events.DatabaseSchemaName;
        var rows = _instants.SelectMany(s => s.Value.Select((at, i) => (Stream: s.Key, Version: (long)i + 1, At: at.ToUniversalTime()))).ToList();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        foreach (var chunk in rows.Chunk(InstantBatch))
        {
            await using var events = new NpgsqlCommand(
                $"update {schema}.mt_events e set timestamp = v.at from unnest(@streams, @versions, @ats) as v(stream_id, version, at) " +
                "where e.stream_id = v.stream_id and e.version = v.version", connection);
            events.Parameters.AddWithValue("streams", chunk.Select(r => r.Stream).ToArray());
            events.Parameters.AddWithValue("versions", chunk.Select(r => r.Version).ToArray());
            events.Parameters.AddWithValue("ats", chunk.Select(r => r.At).ToArray());
            await events.ExecuteNonQueryAsync(ct);
        }

        foreach (var chunk in _instants.Keys.Chunk(InstantBatch))
        {
            await using var streams = new NpgsqlCommand(
                $"update {schema}.mt_streams s set created = x.first, timestamp = x.last from (select stream_id, min(timestamp) as first, max(timestamp) as last " +
                $"from {schema}.mt_events where stream_id = any(@streams) group by stream_id) x where s.id = x.stream_id", connection);
            streams.Parameters.AddWithValue("streams", chunk);
            await streams.ExecuteNonQueryAsync(ct);
        }

        // The timestamps are sealed with the chain key (decision 127): the streams whose instants were set are sealed anew.
        await scope.ServiceProvider.GetRequiredService<Kinerja.Infrastructure.Audit.ChainResealer>().SealAnew(_instants.Keys.ToHashSet(), ct);
    }

    private void Track(Guid stream, IReadOnlyList<object> events)
    {
        if (!_instants.TryGetValue(stream, out var instants))
        {
            _instants[stream] = instants = [];
        }

        instants.AddRange(events.Select(InstantOf));
    }

    /// <summary>Every event records the instant it happened as its one <see cref="DateTimeOffset"/> (a rule of the event contracts).</summary>
    private static DateTimeOffset InstantOf(object e)
    {
        var type = e.GetType();
        if (!InstantProperties.TryGetValue(type, out var property))
        {
            InstantProperties[type] = property = type.GetProperties().SingleOrDefault(p => p.PropertyType == typeof(DateTimeOffset));
        }

        return property?.GetValue(e) is DateTimeOffset at
            ? at
            : throw new InvalidOperationException($"{type.Name} carries no single instant: the generator cannot record it as of its business time.");
    }

    private async Task Commit(Func<IEventStore, Task> work, int events, ICurrentActor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorScope>().Assign(actor);
        scope.ServiceProvider.GetRequiredService<CommandContext>().CausationId = "generate-city";
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();
        await work(store);
        await store.SaveChanges(_reason, ct);
        Events += events;
    }

    /// <summary>An ASN acting as a supervisor (a rater or the rater's superior) in the story, as a token of theirs would.</summary>
    private sealed record AsnActor(string Nip, string CorrelationId) : ICurrentActor
    {
        public Actor Actor => Asn(Nip, Roles.Supervisor);

        public string? Reason => null;

        public long? IfMatch => null;
    }
}
