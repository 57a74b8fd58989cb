using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>One request the receiver got, what it answered and whether the signature verified with the shared secret.</summary>
public sealed record ReceivedDelivery(
    string EventId, long Position, string Type, string? EmployeeId, string Subscription, bool SignatureValid, int Answered, DateTimeOffset AnsweredAt, string Body);

/// <summary>
/// A portal-like webhook receiver: a real Kestrel server on 127.0.0.1 and a free port. It answers
/// each request with <see cref="Answer"/> (by 1-based request number) after <see cref="Latency"/>,
/// verifies the signature independently of the service's code, and records everything.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private int _requests;

    private WebhookReceiver(string secret)
    {
        Secret = secret;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/kinerja", Receive);
    }

    public string Secret { get; }

    public string Url => _app.Urls.First() + "/hooks/kinerja";

    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    public TimeSpan Latency { get; set; }

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    /// <summary>The first arrival of each event id, in arrival order: what a de-duplicating receiver keeps.</summary>
    public IReadOnlyList<ReceivedDelivery> Accepted => AcceptedFor(null);

    public IReadOnlyList<ReceivedDelivery> AcceptedFor(string? subscription) =>
        [.. Received.Where(d => d.Answered is >= 200 and < 300 && (subscription is null || d.Subscription == subscription))
            .GroupBy(d => d.EventId).Select(g => g.First()).OrderBy(d => d.AnsweredAt)];

    public static async Task<WebhookReceiver> Start(string secret = "portal-shared-secret-0123456789")
    {
        var receiver = new WebhookReceiver(secret);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-Kinerja-Timestamp"].ToString();
        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
        // The Standard Webhooks signature, computed here as its spec says: id, timestamp and body joined by dots.
        var webhookId = request.Headers["webhook-id"].ToString();
        byte[] standardSigned = [.. Encoding.UTF8.GetBytes($"{webhookId}.{request.Headers["webhook-timestamp"]}."), .. body];
        var standardExpected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), standardSigned));
        var standardValid = webhookId == request.Headers["X-Kinerja-Event-Id"].ToString()
            && request.Headers["webhook-timestamp"].ToString() == timestamp
            && request.Headers["webhook-signature"].ToString().Split(' ').Contains(standardExpected);
        var json = JsonNode.Parse(body)!.AsObject();
        await Task.Delay(Latency);
        var status = Answer(Interlocked.Increment(ref _requests));
        _received.Enqueue(new ReceivedDelivery(
            request.Headers["X-Kinerja-Event-Id"].ToString(),
            long.Parse(request.Headers["X-Kinerja-Position"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            json["type"]!.GetValue<string>(),
            json["payload"]?["employeeId"]?.GetValue<string>(),
            request.Headers["X-Kinerja-Subscription"].ToString(),
            expected == request.Headers["X-Kinerja-Signature"].ToString() && timestamp.Length > 0 && standardValid,
            status,
            DateTimeOffset.UtcNow,
            Encoding.UTF8.GetString(body)));
        return Results.StatusCode(status);
    }
}
