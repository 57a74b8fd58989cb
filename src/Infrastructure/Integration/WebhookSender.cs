using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kinerja.Application.Integration;

namespace Kinerja.Infrastructure.Integration;

/// <summary>Header names of a webhook delivery: part of the public contract (docs/integration-events.md).</summary>
public static class WebhookHeaders
{
    public const string EventId = "X-Kinerja-Event-Id";
    public const string EventType = "X-Kinerja-Event-Type";
    public const string Position = "X-Kinerja-Position";
    public const string Subscription = "X-Kinerja-Subscription";
    public const string Timestamp = "X-Kinerja-Timestamp";
    public const string Signature = "X-Kinerja-Signature";

    /// <summary>HMAC-SHA256 with the subscription's secret over "{timestamp}.{body}", as "sha256=" and lower-case hex.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.ASCII.GetByteCount(timestamp) + 1 + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

internal sealed record DeliveryResult(bool Succeeded, int? StatusCode, string? Error);

/// <summary>Posts one feed entry, signed, to a receiver; any answer but 2xx within the timeout is a failure.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    internal async Task<DeliveryResult> Send(WebhookSubscription subscription, FeedItem item, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(item, IntegrationJson.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.EventId, item.Id.ToString());
        request.Headers.Add(WebhookHeaders.EventType, item.Type);
        request.Headers.Add(WebhookHeaders.Position, item.Position.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Subscription, subscription.Id.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp);
        request.Headers.Add(WebhookHeaders.Signature, WebhookHeaders.Sign(subscription.Secret, timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode
                ? new DeliveryResult(true, (int)response.StatusCode, null)
                : new DeliveryResult(false, (int)response.StatusCode, $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult(false, null, $"The receiver could not be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(false, null, "The receiver did not answer in time.");
        }
    }
}
