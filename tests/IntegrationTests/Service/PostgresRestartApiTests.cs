using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Kinerja.Api.Auth;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// PostgreSQL restarted under load (<c>pg_ctl restart -m fast</c>, then <c>-m immediate</c>) while a few clients write: every
/// answer is a 2xx or a 503, and every acknowledged write is there afterwards. The test owns its PostgreSQL cluster (a temp
/// folder, a free port) and restarts only that one.
/// </summary>
public sealed class PostgresRestartApiTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Writes_during_fast_and_immediate_restarts_answer_only_2xx_or_503_and_no_acknowledged_write_is_lost()
    {
        await using var cluster = await OwnCluster.Start();
        await using var app = new KinerjaApp { ConnectionString = cluster.ConnectionString, KeepSchema = true };
        await app.InitializeAsync();
        using var client = Client(app);
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        var answers = new ConcurrentBag<(string Phase, int Status, string Code)>();
        var phase = "warm";
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                var code = $"R{w}{n:D5}";
                var at = phase;
                using var answer = await client.PostAsJsonAsync("/api/v1/units", new { code, name = $"Unit uji restart {code}" });
                answers.Add((at, (int)answer.StatusCode, code));
            }
        })).ToList();

        await Task.Delay(Phase);
        phase = "pg-fast";
        await cluster.PgCtl("-m fast -w -t 30 restart");
        await Task.Delay(Phase);
        phase = "pg-immediate";
        await cluster.PgCtl("-m immediate -w -t 30 restart");
        await Task.Delay(Phase);
        phase = "after";
        await Task.Delay(Phase);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var histogram = string.Join(", ", answers.GroupBy(a => (a.Phase, a.Status)).OrderBy(g => g.Key).Select(g => $"{g.Key.Phase} {g.Key.Status}: {g.Count()}"));
        output.WriteLine($"requests: {answers.Count}, acknowledged: {answers.Count(a => a.Status == 201)}; {histogram}");
        answers.Where(a => a.Status is not (201 or 503)).Should().BeEmpty($"only 201 or 503 may answer ({histogram})");
        answers.Where(a => a.Phase == "after" && a.Status == 201).Should().NotBeEmpty($"writes succeed again once PostgreSQL is back ({histogram})");

        var acknowledged = answers.Where(a => a.Status == 201).Select(a => a.Code).ToList();
        acknowledged.Should().NotBeEmpty();
        var lost = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (code, ct) =>
        {
            using var read = await client.GetAsync($"/api/v1/units/{code}", ct);
            if (read.StatusCode != HttpStatusCode.OK)
            {
                lost.Add($"{code} ({(int)read.StatusCode})");
            }
        });

        output.WriteLine($"lost: {lost.Count}");
        lost.Should().BeEmpty($"every acknowledged write of {acknowledged.Count} survives both restarts ({histogram})");
    }

    /// <summary>A plain client (the 503s of an outage are the point here, not the contract check of the other tests' clients).</summary>
    private static HttpClient Client(KinerjaApp app)
    {
        var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = TokenIssuer.Issue(app.Auth, Roles.HrAdmin, null, "restart.bkpsdm", TimeSpan.FromHours(1), null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A scratch PostgreSQL 15 cluster in a temp folder on a free loopback port, as scripts/postgres.sh provisions one.</summary>
    private sealed class OwnCluster : IAsyncDisposable
    {
        private const string Bin = "/usr/lib/postgresql/15/bin";
        private readonly string _dir;
        private readonly int _port;

        private OwnCluster(string dir, int port) => (_dir, _port) = (dir, port);

        private string Data => Path.Combine(_dir, "data");

        public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

        public static async Task<OwnCluster> Start()
        {
            var dir = Path.Combine(Path.GetTempPath(), "kinerja-restart-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            if (Environment.UserName == "root")
            {
                await Run("chown", $"postgres:postgres {dir}", asOwner: false);
            }

            var cluster = new OwnCluster(dir, FreePort());
            await Run($"{Bin}/initdb", $"-D {cluster.Data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
            await cluster.PgCtl($"-w -t 60 -o \"-p {cluster._port} -c listen_addresses=127.0.0.1 -k {dir} -c max_connections=200\" start");
            return cluster;
        }

        /// <summary>With its log in a file: a server started by pg_ctl without one would hold this process's output pipe open.</summary>
        public Task PgCtl(string arguments) => Run($"{Bin}/pg_ctl", $"-D {Data} -l {_dir}/server.log {arguments}");

        public async ValueTask DisposeAsync()
        {
            try
            {
                await PgCtl("-m immediate -w stop");
            }
            finally
            {
                Directory.Delete(_dir, recursive: true);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>PostgreSQL refuses to run as root: as root, its tools run as the postgres user.</summary>
        private static async Task Run(string file, string arguments, bool asOwner = true)
        {
            var root = Environment.UserName == "root";
            var start = asOwner && root
                ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
                : new ProcessStartInfo(file, arguments);
            start.WorkingDirectory = "/";
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output}{await error}");
            }
        }
    }
}
