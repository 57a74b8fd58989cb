using Kinerja.Application.Audit;
using Kinerja.Infrastructure.Common;
using Marten;
using Npgsql;

namespace Kinerja.Infrastructure.Audit;

/// <summary>What <c>reseal-chains</c> did: streams sealed anew with the key, streams already keyed and intact, streams it left alone because broken.</summary>
public sealed record ResealResult(int Resealed, int AlreadyKeyed, IReadOnlyList<StreamVerification> Broken, ChainDigest? Digest);

/// <summary>
/// Moves a database from the unkeyed chain to the keyed one (docs/decisions/127): every stream whose unkeyed chain still holds is sealed
/// anew with the chain key, from its first event, covering timestamps and headers as stored today; a stream already sealed with the key is
/// checked and left as it is; a broken stream is left unkeyed, so it stays reported as broken. Then a digest is recorded (and archived).
/// Safe to run again.
/// </summary>
public sealed class ChainResealer(IDocumentStore store, Tenancy.TenantSessions sessions, ChainKey key, IAuditTrail trail)
{
    private const int BatchSize = 1000;

    public async Task<ResealResult> Reseal(CancellationToken ct)
    {
        if (key.Secret is null)
        {
            throw new ChainKeyMissing();
        }

        var result = await Seal(null, ct);
        return result with { Digest = await trail.RecordDigest(ct) };
    }

    /// <summary>
    /// For the demo city's generator alone, which records its history as the story happened by setting timestamps after the appends (decision
    /// 075): seals the given streams anew from their rows as they are now, with the key when one is configured, without checking the old seals.
    /// </summary>
    internal Task<ResealResult> SealAnew(IReadOnlySet<Guid> streams, CancellationToken ct) => Seal(streams, ct);

    /// <param name="rewritten">Null: reseal what still verifies. Otherwise: seal these streams anew whatever their seals say.</param>
    private async Task<ResealResult> Seal(IReadOnlySet<Guid>? rewritten, CancellationToken ct)
    {
        var (resealed, keyed, broken) = (0, 0, new List<StreamVerification>());
        var pending = new List<EventSeal>();
        await using var writer = sessions.Write();
        var stream = new List<(ChainHash.Content Content, EventSeal? Seal)>();
        await foreach (var row in Rows(ct))
        {
            if (stream.Count > 0 && stream[0].Content.StreamId != row.Content.StreamId)
            {
                Settle(stream);
                stream.Clear();
            }

            stream.Add(row);
            if (pending.Count >= BatchSize)
            {
                writer.Store(pending.ToArray());
                await writer.SaveChangesAsync(ct);
                pending.Clear();
            }
        }

        if (stream.Count > 0)
        {
            Settle(stream);
        }

        if (pending.Count > 0)
        {
            writer.Store(pending.ToArray());
            await writer.SaveChangesAsync(ct);
        }

        return new ResealResult(resealed, keyed, broken, null);

        void Settle(List<(ChainHash.Content Content, EventSeal? Seal)> events)
        {
            if (rewritten is not null)
            {
                if (rewritten.Contains(events[0].Content.StreamId))
                {
                    SealAll(events);
                }

                return;
            }

            var allKeyed = events.All(e => e.Seal?.Scheme == ChainKey.Scheme);
            var walk = new ChainWalk(events[0].Content.StreamId, allKeyed ? key : new ChainKey(null));
            foreach (var (content, seal) in events)
            {
                walk.Step(content, 0, default, 0, seal);
            }

            if (walk.FirstBroken is not null)
            {
                broken.Add(walk.Verification());
                return;
            }

            if (allKeyed)
            {
                keyed++;
                return;
            }

            SealAll(events);
        }

        void SealAll(List<(ChainHash.Content Content, EventSeal? Seal)> events)
        {
            var previous = ChainHash.Genesis;
            foreach (var (content, _) in events)
            {
                var hash = key.Seal(previous, content);
                pending.Add(new EventSeal(EventSeal.IdFor(content.StreamId, content.Version), content.StreamId, content.Version, previous, hash, key.SchemeInUse));
                previous = hash;
            }

            resealed++;
        }
    }

    private async IAsyncEnumerable<(ChainHash.Content Content, EventSeal? Seal)> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var session = sessions.Read();
        await using var connection = await sessions.Connection();
        await connection.OpenAsync(ct);
        await using var command = ChainRows.SealedCommand(connection, $"{store.Options.Events.DatabaseSchemaName}.mt_events", session.TableOf<EventSeal>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (content, seal, _) = ChainRows.ReadSealed(reader);
            yield return (content, seal);
        }
    }
}

/// <summary><c>reseal-chains</c> without <c>Kinerja:Audit:ChainKey</c>: there is nothing to seal with.</summary>
public sealed class ChainKeyMissing() : Exception($"{ChainKey.Setting} is not configured: there is no key to seal the chains with.");
