using System.Net.Http.Json;

namespace Kinerja.IntegrationTests.Harness;

public static class Http
{
    /// <summary>POST a JSON body with optional If-Match, Idempotency-Key and other headers.</summary>
    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body, string? ifMatch = null,
        string? idempotencyKey = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return client.SendAsync(request);
    }
}
