using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>
/// A TCP relay in front of the run's PostgreSQL: a host connected through it loses its database when the
/// relay is cut (open connections dropped, new ones refused) and finds it again when it is restored,
/// without stopping the PostgreSQL the other test classes share.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    private DatabaseOutage(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The test database's connection string, through the relay.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public static DatabaseOutage Start()
    {
        var real = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        var target = new IPEndPoint(Dns.GetHostAddresses(real.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork), real.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var relay = new DatabaseOutage(target, port);
        relay.Restore();
        return relay;
    }

    public void Restore()
    {
        _cut = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = Accept(_listener, _cut.Token);
    }

    public void Cut()
    {
        _cut.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task Accept(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // Without NoDelay, Nagle's algorithm meets PostgreSQL's delayed acknowledgements and every round trip waits ~40 ms.
            incoming.NoDelay = true;
            var outgoing = new TcpClient { NoDelay = true };
            await outgoing.ConnectAsync(_target, ct);
            lock (_open)
            {
                _open.Add(incoming);
                _open.Add(outgoing);
            }

            _ = Pump(incoming, outgoing, ct);
            _ = Pump(outgoing, incoming, ct);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The relay was cut or a side closed: the other side learns it when its socket is closed below.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
