using Npgsql;

namespace Kinerja.Infrastructure.Integration;

/// <summary>
/// One PostgreSQL advisory lock per subscription, held by whoever changes it: the delivery of one
/// event (so deliveries stay in order even when several triggers run at once) or an admin action.
/// Session-level locks on a connection of their own: no transaction stays open while a receiver answers.
/// </summary>
public sealed class SubscriptionLocks(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    // The first key of the two-key advisory lock space: "KNJW", so no other lock of this database collides.
    private const int LockClass = 0x4B4E4A57;

    /// <summary>A connection to take and release the lock on repeatedly.</summary>
    internal async Task<Holder> Open(Guid subscriptionId, CancellationToken ct) =>
        new(await dataSource.OpenConnectionAsync(ct), Key(subscriptionId));

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static int Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }

    internal sealed class Holder(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        public async Task<bool> TryTake(CancellationToken ct) => await Scalar<bool>("select pg_try_advisory_lock(@c, @k)", ct);

        /// <summary>Waits in PostgreSQL's queue, ahead of later try-takers, so a busy delivery cannot starve an admin action.</summary>
        public async Task Take(TimeSpan timeout, CancellationToken ct)
        {
            await Scalar<string>($"select set_config('lock_timeout', '{(int)timeout.TotalMilliseconds}ms', false)", ct);
            await Scalar<object>("select pg_advisory_lock(@c, @k)", ct);
        }

        public async Task Release(CancellationToken ct) => await Scalar<bool>("select pg_advisory_unlock(@c, @k)", ct);

        public ValueTask DisposeAsync() => connection.DisposeAsync();

        private async Task<T> Scalar<T>(string sql, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("c", LockClass);
            command.Parameters.AddWithValue("k", key);
            return (T)(await command.ExecuteScalarAsync(ct))!;
        }
    }
}
