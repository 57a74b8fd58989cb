using System.Net;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

/// <summary>The service through a relay to PostgreSQL that the test cuts and restores; and a caller over its rate limit.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_PostgreSQL_cannot_be_reached_requests_get_a_503_problem_with_Retry_After_and_readiness_fails_then_both_recover()
    {
        await using var relay = DatabaseOutage.Start();
        // The outage makes Wolverine's and Marten's background agents log errors by design: only fatal lines are of interest here.
        await using var app = new KinerjaApp
        {
            Settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Kinerja"] = relay.ConnectionString,
                ["Serilog:MinimumLevel:Default"] = "Fatal",
                ["Serilog:MinimumLevel:Override:Wolverine"] = "Fatal",
                ["Serilog:MinimumLevel:Override:Marten"] = "Fatal",
                ["Serilog:MinimumLevel:Override:JasperFx"] = "Fatal",
            },
        };
        await app.InitializeAsync();
        var admin = app.As(Roles.HrAdmin);
        (await admin.GetAsync("/api/v1/units")).StatusCode.Should().Be(HttpStatusCode.OK);
        relay.Cut();
        var refused = await admin.GetAsync("/api/v1/units");
        await refused.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database-unavailable");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        (await admin.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await admin.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process itself is fine");
        relay.Restore();
        await Eventually.Holds(
            async () => (await admin.GetAsync("/api/v1/units")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), () => "no recovery after the relay was restored");
    }

    [Fact]
    public async Task A_caller_over_its_rate_limit_gets_a_429_problem_with_Retry_After_and_other_callers_do_not()
    {
        await using var app = new KinerjaApp { Settings = new Dictionary<string, string> { ["RateLimiting:PermitsPerSecond"] = "1" } };
        await app.InitializeAsync();
        var hasty = app.As(Roles.HrAdmin, name: "hasty");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await hasty.GetAsync("/api/v1/units"));
        }

        // Two permits in the bucket and one more a second: six quick requests cannot all pass, whenever the refill ticks.
        answers.Take(2).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var refused = answers.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too-many-requests");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        (await app.As(Roles.HrAdmin, name: "patient").GetAsync("/api/v1/units")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
