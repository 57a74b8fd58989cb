using System.Net.Http.Headers;
using JasperFx.CommandLine;
using Kinerja.Api.Auth;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>
/// The real service on Kestrel (loopback, a free port) against the run's PostgreSQL, in a schema
/// of its own, so test classes run in parallel without seeing each other's data. A test that
/// restarts the service runs two of these one after the other on one <see cref="Schema"/>, the
/// first with <see cref="KeepSchema"/>.
/// </summary>
public class KinerjaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "kinerja-integration-tests-signing-key-0123456789";

    /// <summary>The secret the hash chains are keyed with (decision 127); the database never holds it.</summary>
    public const string ChainKey = "kinerja-integration-tests-chain-key-0123456789";

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public string Schema { get; init; } = NewSchema();

    /// <summary>The PostgreSQL this host writes to: the run's, unless a test brings a cluster of its own.</summary>
    public string ConnectionString { get; init; } = TestDatabase.ConnectionString;

    /// <summary>Leave the schema (events, feed, messages) behind on dispose, for a next host on the same schema.</summary>
    public bool KeepSchema { get; init; }

    /// <summary>Configuration on top of the test defaults, e.g. shorter webhook back-offs.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    static KinerjaApp() => JasperFxEnvironment.AutoStartHost = true;

    public AuthSettings Auth { get; } = new() { Issuer = "kinerja-tests", Audience = "kinerja-api", SigningKey = SigningKey };

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Kinerja", ConnectionString);
        builder.UseSetting("Kinerja:Schema", Schema);
        builder.UseSetting("Kinerja:ApplySchemaOnStart", "true");
        builder.UseSetting("Auth:Issuer", Auth.Issuer);
        builder.UseSetting("Auth:Audience", Auth.Audience);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Kinerja:Audit:ChainKey", ChainKey);
        builder.UseSetting("RateLimiting:PermitsPerSecond", "10000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Receivers in the tests listen on loopback over http; WebhookTargetTests turns these back off.
        builder.UseSetting("Kinerja:Webhooks:AllowHttp", "true");
        builder.UseSetting("Kinerja:Webhooks:AllowPrivateAddresses", "true");
        // Many tests register staff through the portal; AccessPolicyApiTests checks the default, where it may not.
        builder.UseSetting("Kinerja:Access:PortalWritesRegistry", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        Customize(builder);
    }

    /// <summary>Where a fixture needs its own clock or settings (xunit fixtures need a parameterless constructor, so they subclass).</summary>
    protected virtual void Customize(IWebHostBuilder builder)
    {
    }

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        return Task.CompletedTask;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!KeepSchema)
        {
            await TestDatabase.DropSchema(Schema);
        }
    }

    /// <summary>A client of the real HTTP endpoint carrying a token for the role.</summary>
    /// <param name="instansi">The token's instansi claim (docs/decisions/145); none for the single instansi of a service without tenancy.</param>
    public HttpClient As(string role, string? nip = null, string? name = null, bool followRedirects = true, string? unit = null, string? instansi = null)
    {
        var client = Client(followRedirects);
        var token = TokenIssuer.Issue(Auth, role, nip, name ?? $"{role}-user", TimeSpan.FromHours(1), unit, instansi);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous() => Client(followRedirects: true);

    /// <summary>Every test's client checks each answer against the OpenAPI document (<see cref="ContractCheck"/>).</summary>
    private HttpClient Client(bool followRedirects)
    {
        var address = ClientOptions.BaseAddress;
        var check = new ContractCheck(() => OpenApiContract.Of(address)) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = followRedirects } };
        return new HttpClient(check) { BaseAddress = address };
    }

    /// <summary>
    /// How many events the store holds: the proof that a refused request appended nothing. Marten's
    /// tombstones (placeholders for the sequence numbers of a rolled-back append) are not events.
    /// </summary>
    public async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return (await session.QueryAsync<long>($"select count(*) from {Schema}.mt_events where type <> 'tombstone'")).Single();
    }
}
