using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Integration;

namespace Kinerja.IntegrationTests.Harness;

public static class WebhookSettings
{
    /// <summary>Back-offs and sweeps short enough for a test, still far longer than a write takes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fast = new Dictionary<string, string>
    {
        ["Kinerja:Webhooks:RetryDelays"] = "00:00:01.5",
        ["Kinerja:Webhooks:SweepInterval"] = "00:00:00.25",
        ["Kinerja:Webhooks:Timeout"] = "00:00:05",
    };

    public static readonly string[] RegistryTypes =
    [
        IntegrationEventTypes.EmployeeRegistered, IntegrationEventTypes.EmployeeTransferred, IntegrationEventTypes.EmployeeSupervisorChanged,
        IntegrationEventTypes.EmployeeNipCorrected, IntegrationEventTypes.EmployeeEmploymentEnded,
    ];

    /// <summary>Subscribes the receiver to the registry's events (or <paramref name="eventTypes"/>) after <paramref name="startAfter"/>; returns the subscription id.</summary>
    public static async Task<string> Subscribe(this HttpClient client, WebhookReceiver receiver, long startAfter = 0, IReadOnlyList<string>? eventTypes = null)
    {
        var response = await client.PostAsJsonAsync(Routes.WebhookSubscriptions.All,
            new { url = receiver.Url, secret = receiver.Secret, eventTypes = eventTypes ?? RegistryTypes, startAfter });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json())["id"]!.GetValue<string>();
    }

    /// <summary>The position of the newest feed entry, read the way a consumer would.</summary>
    public static async Task<long> FeedHead(this HttpClient client)
    {
        var consumer = new FeedConsumer(client, 1000);
        while (await consumer.Poll() > 0)
        {
        }

        return consumer.Position;
    }
}

/// <summary>A host whose webhook back-offs suit a test, shared by the tests of one class.</summary>
public sealed class FastWebhooksApp : IAsyncLifetime
{
    public KinerjaApp App { get; } = new() { Settings = WebhookSettings.Fast };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
