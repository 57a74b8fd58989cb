namespace Kinerja.Application.Integration.Webhooks;

/// <summary>
/// Where a webhook may be delivered: the server posts signed bodies to what a subscriber registered, so a URL naming a loopback or
/// internal address would make it a request proxy into the city's network (SSRF).
/// </summary>
public interface IWebhookTargets
{
    /// <summary>Why the URL may not receive deliveries, or null when it may (as far as its host resolves now; delivery checks again).</summary>
    ValueTask<string?> Refusal(string url, CancellationToken ct);
}
