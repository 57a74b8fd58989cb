using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Integration;

public sealed class WebhookSubscriptionApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private const string Subscriptions = Routes.WebhookSubscriptions.All;
    private readonly HttpClient _portal = app.As(Roles.Portal);

    public static TheoryData<string?, string?, string[]?, string> Refused => new()
    {
        { "ftp://127.0.0.1/hooks", "portal-shared-secret-0123456789", ["employee.registered"], "url" },
        { "file:///etc/passwd", "portal-shared-secret-0123456789", ["employee.registered"], "url" },
        { "/hooks/relative", "portal-shared-secret-0123456789", ["employee.registered"], "url" },
        { "http://user:pw@127.0.0.1/hooks", "portal-shared-secret-0123456789", ["employee.registered"], "url" },
        { "https://127.0.0.1/hooks", null, ["employee.registered"], "secret" },
        { "https://127.0.0.1/hooks", "", ["employee.registered"], "secret" },
        { "https://127.0.0.1/hooks", "short", ["employee.registered"], "secret" },
        { "https://127.0.0.1/hooks", "portal-shared-secret-0123456789", [], "eventTypes" },
        { "https://127.0.0.1/hooks", "portal-shared-secret-0123456789", ["employee.promoted"], "eventTypes[0]" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_subscription_without_an_http_url_a_secret_or_known_event_types_is_refused(string? url, string? secret, string[]? types, string field)
    {
        var before = await Count();

        var problem = await (await _portal.PostAsJsonAsync(Subscriptions, new { url, secret, eventTypes = types }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
        (await Count()).Should().Be(before);
    }

    [Fact]
    public async Task A_subscription_is_listed_without_its_secret_and_can_be_paused_resumed_and_deleted()
    {
        var created = await _portal.PostAsJsonAsync(Subscriptions, new
        {
            url = "https://127.0.0.1:9/hooks", secret = "portal-shared-secret-0123456789", eventTypes = new[] { "employee.registered", "appraisal.evaluation-finalised" },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Json())["id"]!.GetValue<string>();
        created.Headers.Location!.ToString().Should().Be($"{Subscriptions}/{id}");

        var listed = await (await app.As(Roles.Auditor).GetAsync(Subscriptions)).Content.ReadAsStringAsync();
        listed.Should().Contain(id).And.NotContain("portal-shared-secret");

        var paused = await (await _portal.Post($"{Subscriptions}/{id}/pausing", new { })).Json();
        paused["status"]!.GetValue<string>().Should().Be("Paused");
        var resumed = await (await _portal.Post($"{Subscriptions}/{id}/resumption", new { })).Json();
        resumed["status"]!.GetValue<string>().Should().Be("Active");
        resumed["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("employee.registered", "appraisal.evaluation-finalised");

        (await _portal.DeleteAsync($"{Subscriptions}/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _portal.GetAsync($"{Subscriptions}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook-subscription-not-found");
        await (await _portal.DeleteAsync($"{Subscriptions}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook-subscription-not-found");
    }

    [Fact]
    public async Task Starting_or_replaying_beyond_the_end_of_the_feed_is_refused()
    {
        var beyond = new { url = "https://127.0.0.1:9/hooks", secret = "portal-shared-secret-0123456789", eventTypes = new[] { "employee.registered" }, startAfter = long.MaxValue };
        await (await _portal.PostAsJsonAsync(Subscriptions, beyond)).ShouldBeProblem(HttpStatusCode.Conflict, "position-beyond-feed");

        var created = await (await _portal.PostAsJsonAsync(Subscriptions, beyond with { startAfter = 0L })).Json();
        var id = created["id"]!.GetValue<string>();
        await (await _portal.Post($"{Subscriptions}/{id}/replay", new { afterPosition = long.MaxValue }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "position-beyond-feed");
        await (await _portal.Post($"{Subscriptions}/{id}/replay", new { afterPosition = -1 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData(Roles.Auditor, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.HrAdmin, HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData(Roles.Supervisor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Employee, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Hr_admin_and_the_portal_manage_subscriptions_auditors_only_list_them(string role, HttpStatusCode list, HttpStatusCode create)
    {
        var client = app.As(role, nip: Given.PnsNip());

        (await client.GetAsync(Subscriptions)).StatusCode.Should().Be(list);
        var created = await client.PostAsJsonAsync(Subscriptions, new
        {
            url = "https://127.0.0.1:9/hooks", secret = "portal-shared-secret-0123456789", eventTypes = new[] { "employee.registered" },
        });
        created.StatusCode.Should().Be(create);
        (await client.Post($"{Subscriptions}/{Guid.NewGuid()}/pausing", new { })).StatusCode
            .Should().Be(create == HttpStatusCode.Created ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_feed_and_the_subscription_routes_are_in_the_OpenAPI_document_with_examples()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        document.Should().Contain(Routes.Feed).And.Contain("/api/v1/webhook-subscriptions/{id}/replay")
            .And.Contain("/api/v1/webhook-subscriptions/{id}/failed-deliveries").And.Contain("https://hr-portal.example/hooks/kinerja");
    }

    private async Task<int> Count() => (await (await _portal.GetAsync(Subscriptions)).Json())["items"]!.AsArray().Count;
}
