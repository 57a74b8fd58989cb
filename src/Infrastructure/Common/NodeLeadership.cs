using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kinerja.Infrastructure.Common;

/// <summary>Configuration section Kinerja:Nodes: how the nodes of one deployment (one database and schema) share the background work.</summary>
public sealed class NodeSettings
{
    public const string Section = "Kinerja:Nodes";

    /// <summary>
    /// How often a node that does not run the background work (the projections, the feed, the digest, retention, the webhook sweep)
    /// asks whether the node that runs it is gone, and how often the one that runs it checks that it still holds it. A killed node's
    /// work moves within about this time (docs/decisions/140).
    /// </summary>
    public TimeSpan LeadershipPolling { get; set; } = TimeSpan.FromSeconds(5);

    public static IEnumerable<string> Broken(NodeSettings n)
    {
        if (n.LeadershipPolling < TimeSpan.FromMilliseconds(100) || n.LeadershipPolling > TimeSpan.FromMinutes(1))
        {
            yield return $"LeadershipPolling is {n.LeadershipPolling}; it takes a duration from 00:00:00.1 to 00:01:00, e.g. 00:00:05.";
        }
    }

    /// <summary>The value for the store's configuration, which is read before the settings are checked: a broken value falls back to the default there and refuses the start here.</summary>
    internal static TimeSpan From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        TimeSpan.TryParse(configuration[$"{Section}:{nameof(LeadershipPolling)}"], System.Globalization.CultureInfo.InvariantCulture, out var polling)
        && !Broken(new NodeSettings { LeadershipPolling = polling }).Any()
            ? polling
            : new NodeSettings().LeadershipPolling;
}

/// <summary>
/// Which node of a deployment runs the leader-only background work: the one holding a PostgreSQL advisory lock on a connection of
/// its own. A node that dies (even by SIGKILL) loses its connection and with it the lock, so another node takes it at its next
/// poll; a node that loses its connection while alive (a PostgreSQL restart) stops its work before anyone else can start it.
/// The lock is named after the schema, so deployments (and the tests' schemas) in one database do not compete.
/// </summary>
public sealed class NodeLeadership(string connectionString, string schema, NodeSettings settings, ILogger<NodeLeadership> log)
    : BackgroundService
{
    // The first key of the two-key advisory lock space: "KNLD" (Kinerja leader), apart from the webhook subscriptions' "KNJW".
    private const int LockClass = 0x4B4E4C44;

    private readonly int _key = StableKey(schema);
    private TaskCompletionSource<CancellationToken> _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsLeader { get; private set; }

    /// <summary>Waits until this node leads; the token it returns is cancelled when it stops leading.</summary>
    public async Task<CancellationToken> Leading(CancellationToken ct) => await Volatile.Read(ref _leading).Task.WaitAsync(ct);

    /// <summary>A stable number for a name (the same in every process, unlike string hash codes), below 2^30.</summary>
    public static int StableKey(string name) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 4)) & 0x3FFF_FFFF);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5, ApplicationName = ApplicationName(connectionString) };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                while (!await Scalar<bool>(connection, "select pg_try_advisory_lock(@c, @k)", stoppingToken))
                {
                    await Task.Delay(settings.LeadershipPolling, stoppingToken);
                }

                await Lead(connection, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("The leadership connection failed ({Error}); trying again in {Polling}", e.Message, settings.LeadershipPolling);
                await Task.Delay(settings.LeadershipPolling, stoppingToken);
            }
        }
    }

    /// <summary>Holds the lock while the connection answers; stopping or losing it cancels the leader's work.</summary>
    private async Task Lead(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        using var leadership = new CancellationTokenSource();
        IsLeader = true;
        log.LogInformation("This node leads: it runs the background jobs of schema {Schema}", schema);
        Volatile.Read(ref _leading).SetResult(leadership.Token);
        try
        {
            while (true)
            {
                await Task.Delay(settings.LeadershipPolling, stoppingToken);
                await Scalar<int>(connection, "select 1", stoppingToken);
            }
        }
        finally
        {
            IsLeader = false;
            Volatile.Write(ref _leading, new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously));
            await leadership.CancelAsync();
            if (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("This node lost the leadership of schema {Schema}; its background jobs stopped", schema);
            }
        }
    }

    private static string ApplicationName(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).ApplicationName is { Length: > 0 } name ? $"{name} leader" : "kinerja leader";

    private async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("c", LockClass);
        command.Parameters.AddWithValue("k", _key);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>
/// A background job that runs on one node of a deployment at a time: the leader's (<see cref="NodeLeadership"/>). When the leader
/// stops leading, <see cref="Lead"/> is cancelled; when this node leads again it is started afresh.
/// </summary>
public abstract class LeaderOnlyJob(NodeLeadership leadership, ILogger log) : BackgroundService
{
    /// <param name="leading">Cancelled when the node stops leading or the host stops.</param>
    protected abstract Task Lead(CancellationToken leading);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var lost = await leadership.Leading(stoppingToken);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(lost, stoppingToken);
            try
            {
                await Lead(both.Token);
                // A job with nothing (more) to do keeps its turn until the leadership ends.
                await Task.Delay(Timeout.Infinite, both.Token);
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                log.LogInformation("{Job} stopped: this node no longer leads", GetType().Name);
            }
        }
    }
}
