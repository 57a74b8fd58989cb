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

/// <summary>
/// The Standard Webhooks headers (standardwebhooks.com), sent beside ours so a receiver can use a ready-made verifier.
/// A secret given as <c>whsec_</c> + base64 is keyed with the decoded bytes, as the spec says; any other secret with its
/// UTF-8 bytes, so the verifier's secret is <c>whsec_</c> + base64 of them (<see cref="VerifierSecret"/>).
/// </summary>
public static class StandardWebhookHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    /// <summary><c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), signed));
    }

    public static string VerifierSecret(string secret) =>
        secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret : SecretPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));

    private static byte[] Key(string secret)
    {
        if (secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            var encoded = secret[SecretPrefix.Length..];
            var key = new byte[encoded.Length];
            if (Convert.TryFromBase64String(encoded, key, out var written))
            {
                return key[..written];
            }
        }

        return Encoding.UTF8.GetBytes(secret);
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
        var id = item.Id.ToString();
        request.Headers.Add(StandardWebhookHeaders.Id, id);
        request.Headers.Add(StandardWebhookHeaders.Timestamp, timestamp);
        request.Headers.Add(StandardWebhookHeaders.Signature, StandardWebhookHeaders.Sign(subscription.Secret, id, timestamp, body));
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
