using System.Diagnostics;
using System.Net;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

public sealed class OperatorSettingsTests
{
    [Theory]
    [InlineData("Kinerja:Webhooks:Timeout", "banana", "'banana' at 'Kinerja:Webhooks:Timeout' to type 'System.TimeSpan'. Write a duration as hh:mm:ss")]
    [InlineData("Kinerja:Awards:TopShare", "7", "Kinerja:Awards:TopShare is 7; it takes the share of a unit, more than 0 and at most 1")]
    public async Task A_setting_the_service_cannot_use_refuses_the_start_with_the_key_the_value_and_what_it_takes(string key, string value, string said)
    {
        // The service as an operator starts it: its own process, the setting from the environment.
        var start = ServiceProcess.StartInfo(KinerjaApp.NewSchema());
        start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(patience.Token);

        process.ExitCode.Should().Be(1);
        stderr.Should().StartWith("Kinerja cannot start: the configuration is not valid.").And.Contain(said).And.NotContain("   at ");
        (await stdout).Should().BeEmpty("nothing started, so nothing was logged");
    }

    [Fact]
    public async Task Health_probes_are_never_rate_limited_while_the_api_is()
    {
        var app = new KinerjaApp { Settings = new Dictionary<string, string> { ["RateLimiting:PermitsPerSecond"] = "1" } };
        await app.InitializeAsync();
        try
        {
            await ProbeAndRead(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task ProbeAndRead(KinerjaApp app)
    {
        var client = app.As("hr-admin");

        var probes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            probes.Add((await client.GetAsync(i % 2 == 0 ? "/health/live" : "/health/ready")).StatusCode);
        }

        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            reads.Add((await client.GetAsync("/api/v1/units")).StatusCode);
        }

        probes.Should().OnlyContain(s => s == HttpStatusCode.OK);
        reads.Should().Contain(HttpStatusCode.TooManyRequests, "the same caller is still limited on the API");
    }

    [Fact]
    public async Task Behind_a_proxy_on_loopback_each_forwarded_client_address_has_its_own_rate_limit()
    {
        var app = new KinerjaApp { Settings = new Dictionary<string, string> { ["RateLimiting:PermitsPerSecond"] = "1" } };
        await app.InitializeAsync();
        try
        {
            var client = app.Anonymous();
            async Task<HttpStatusCode> From(string address)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
                request.Headers.Add("X-Forwarded-For", address);
                return (await client.SendAsync(request)).StatusCode;
            }

            var first = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                first.Add(await From("203.0.113.7"));
            }

            first.Should().Contain(HttpStatusCode.TooManyRequests);
            (await From("203.0.113.8")).Should().Be(HttpStatusCode.Unauthorized, "another client behind the proxy is not throttled for the first one");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_correlation_id_is_the_trace_id_of_the_callers_traceparent_or_of_a_new_trace()
    {
        var app = new KinerjaApp();
        await app.InitializeAsync();
        try
        {
            // A client that propagates no trace of its own: the traceparent below is the caller's, as a portal would send it.
            using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = app.ClientOptions.BaseAddress };
            using var traced = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
            traced.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            var answer = await client.SendAsync(traced);
            var fresh = await client.GetAsync("/api/v1/units");

            answer.Headers.GetValues("X-Correlation-Id").Single().Should().Be("0af7651916cd43dd8448eb211c80319c");
            fresh.Headers.GetValues("X-Correlation-Id").Single().Should().MatchRegex("^[0-9a-f]{32}$").And.NotBe("0af7651916cd43dd8448eb211c80319c");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_service_as_its_own_process_answers_reads_and_problems_in_the_callers_language()
    {
        // Its own runtime configuration (invariant globalization, as published), not the test host's: the request's
        // language is set on every request, so a culture that process cannot create would fail every call.
        var schema = KinerjaApp.NewSchema();
        var auth = new KinerjaApp().Auth;
        var start = ServiceOnAnyPort(schema);
        start.Environment["Auth__Issuer"] = auth.Issuer;
        start.Environment["Auth__Audience"] = auth.Audience;
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            string? address = null;
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
            {
                if (line.Contains("\"Now listening on", StringComparison.Ordinal))
                {
                    address = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("address").GetString();
                }

                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    break;
                }
            }

            address.Should().NotBeNull("the service says where it listens");
            _ = process.StandardOutput.ReadToEndAsync();
            using var client = new HttpClient { BaseAddress = new Uri(address!) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Bearer", Kinerja.Api.Auth.TokenIssuer.Issue(auth, "hr-admin", null, "Ibu Maria Latuheru", TimeSpan.FromMinutes(10)));

            (await client.GetAsync("/api/v1/units")).StatusCode.Should().Be(HttpStatusCode.OK);

            var missing = await client.GetAsync("/api/v1/employees/199001012020121001");
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
            var problem = System.Text.Json.JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("code").GetString().Should().Be("employee-not-found");
            problem.GetProperty("title").GetString().Should().Be(Kinerja.Api.Http.ProblemTexts.Title("employee-not-found", english: false));
            missing.Content.Headers.ContentLanguage.Should().Equal("id");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await TestDatabase.DropSchema(schema);
        }
    }

    [Fact]
    public async Task The_service_writes_only_json_lines_to_stdout_from_its_first_line_on()
    {
        var schema = KinerjaApp.NewSchema();
        var start = ServiceOnAnyPort(schema);
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await TestDatabase.DropSchema(schema);
        }

        lines.Should().Contain(l => l.Contains("Application started", StringComparison.Ordinal), "the service started");
        lines.Should().OnlyContain(l => IsJsonObject(l), "an operator's log shipper reads stdout as JSON lines");
    }

    /// <summary>The service as an operator starts it, in its own process with its own runtime configuration, on a free port.</summary>
    private static ProcessStartInfo ServiceOnAnyPort(string schema)
    {
        var start = ServiceProcess.StartInfo(schema);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Kinerja__ApplySchemaOnStart"] = "true";
        return start;
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
