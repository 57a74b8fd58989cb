using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kinerja.IntegrationTests.Harness;

public static class Http
{
    /// <summary>The API's own JSON options (camelCase, enums by name: see ApiServices), so the answers read into its response records.</summary>
    public static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

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

    /// <summary>A successful answer read into the API's response record <typeparamref name="T"/>; a failure shows the body it got.</summary>
    public static async Task<T> Answer<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Api) ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered null");
    }

    /// <summary>A GET answered 200, read into the API's response record <typeparamref name="T"/>.</summary>
    public static async Task<T> Read<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Answer<T>();
    }
}
