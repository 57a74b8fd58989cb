using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Integration;

/// <summary>
/// Webhook URLs outside development: https to public addresses only, at registration and again on every delivery (a host can resolve
/// elsewhere by then). The harness allows loopback for its receivers; these hosts run with the production defaults.
/// </summary>
public sealed class WebhookTargetTests(WebhookTargetTests.ProductionWebhooksApp fixture) : IClassFixture<WebhookTargetTests.ProductionWebhooksApp>
{
    private static readonly Dictionary<string, string> ProductionDefaults = new(WebhookSettings.Fast)
    {
        ["Kinerja:Webhooks:AllowHttp"] = "false",
        ["Kinerja:Webhooks:AllowPrivateAddresses"] = "false",
    };

    /// <summary>The test receiver speaks plain http only: this host allows that, so that the address is what refuses the delivery.</summary>
    private static readonly Dictionary<string, string> PrivateAddressesRefused = new(ProductionDefaults) { ["Kinerja:Webhooks:AllowHttp"] = "true" };

    public sealed class ProductionWebhooksApp : IAsyncLifetime
    {
        public KinerjaApp App { get; } = new() { Settings = ProductionDefaults };

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync();
    }

    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost:8443/hooks")]
    [InlineData("https://10.20.30.40/hooks")]
    [InlineData("https://192.168.1.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("http://93.184.215.14/hooks")]
    public async Task A_webhook_to_loopback_a_private_range_or_over_plain_http_is_refused_and_nothing_is_stored(string url)
    {
        var portal = fixture.App.As(Roles.Portal);
        var before = (await portal.Read<System.Text.Json.Nodes.JsonObject>(Routes.WebhookSubscriptions.All))["items"]!.AsArray().Count;

        var problem = await (await portal.PostAsJsonAsync(Routes.WebhookSubscriptions.All,
                new { url, secret = "portal-shared-secret-0123456789", eventTypes = WebhookSettings.RegistryTypes }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain("url");
        (await portal.Read<System.Text.Json.Nodes.JsonObject>(Routes.WebhookSubscriptions.All))["items"]!.AsArray().Should().HaveCount(before);
    }

    [Fact]
    public async Task A_subscription_whose_host_now_resolves_to_a_private_address_is_not_delivered_to()
    {
        var schema = KinerjaApp.NewSchema();
        await using var receiver = await WebhookReceiver.Start();
        // Registered while loopback was allowed: the same as a public name that resolves to an internal address after registration.
        var first = new KinerjaApp { Schema = schema, KeepSchema = true, Settings = WebhookSettings.Fast };
        await first.InitializeAsync();
        var id = await first.As(Roles.Portal).Subscribe(receiver, startAfter: await first.As(Roles.Portal).FeedHead());
        await first.DisposeAsync();

        var second = new KinerjaApp { Schema = schema, Settings = PrivateAddressesRefused };
        await second.InitializeAsync();
        try
        {
            await second.As(Roles.HrAdmin).Unit("DISDIK");
            await second.As(Roles.HrAdmin).Employee("DISDIK");

            var portal = second.As(Roles.Portal);
            var seen = "";
            await Eventually.Holds(async () =>
            {
                seen = await portal.GetStringAsync($"{Routes.WebhookSubscriptions.All}/{id}");
                return seen.Contains("must name a public address", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(30), () => $"the delivery was not refused: {seen}");
            receiver.Received.Should().BeEmpty("no request reached the internal address");
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
