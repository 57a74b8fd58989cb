using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>
/// Every answer an integration test receives is checked against the service's own OpenAPI document, as a portal's generated
/// client would read it: the operation must declare the status, the media type, and (for JSON) the body must match the schema.
/// A mismatch fails the request that got it, so the document cannot drift from what the service does.
/// </summary>
public sealed class ContractCheck(Func<Task<OpenApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var answered = response.RequestMessage ?? request;
        if (answered.RequestUri is { } uri && OpenApiContract.Checked(uri.AbsolutePath))
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var problems = (await contract()).Check(answered.Method.Method, uri.AbsolutePath, (int)response.StatusCode, mediaType, body);
            if (problems.Count > 0)
            {
                throw new ContractViolation($"{answered.Method} {uri.PathAndQuery} answered {(int)response.StatusCode} {mediaType} that the OpenAPI document "
                    + $"does not describe:\n  {string.Join("\n  ", problems)}\nBody: {body[..Math.Min(body.Length, 2000)]}");
            }
        }

        return response;
    }
}

public sealed class ContractViolation(string message) : Exception(message);

/// <summary>The OpenAPI document, read once per test run, with a JSON Schema per declared answer built on first use.</summary>
public sealed class OpenApiContract
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };
    private readonly JsonObject document;
    private readonly JsonObject definitions;
    private readonly List<(string Template, string[] Segments)> paths;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();

    public OpenApiContract(string json)
    {
        Json = json;

        // Components become the $defs of each answer's schema, so the references resolve inside one schema document.
        document = JsonNode.Parse(json.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal))!.AsObject();
        definitions = document["components"]?["schemas"]?.AsObject() ?? [];
        paths = document["paths"]!.AsObject().Select(p => (p.Key, p.Key.Trim('/').Split('/'))).ToList();
    }

    public string Json { get; }

    /// <summary>The API's routes are the contract; health, the document itself and the reference page are not part of it.</summary>
    public static bool Checked(string path) => path.StartsWith(Kinerja.Api.Http.Routes.Base + "/", StringComparison.Ordinal);

    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body)
    {
        if (Operation(method, path) is not ({ } template, { } operation))
        {
            // A route the service does not have answers 404 or 405; anything else means the document misses an operation.
            return status is 404 or 405 ? [] : [$"no operation {method} {path} in the document"];
        }

        var responses = operation["responses"]?.AsObject();
        var declared = responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"];
        if (declared is null)
        {
            return [$"{method} {template} does not declare status {status}"];
        }

        var content = declared["content"]?.AsObject();
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        if (content is null || mediaType is null || content[mediaType] is not { } media)
        {
            return [$"{method} {template} {status} does not declare the media type {mediaType} (declared: {string.Join(", ", content?.Select(c => c.Key) ?? [])})"];
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || media["schema"] is not JsonObject schema)
        {
            return [];
        }

        var key = $"{method} {template} {status} {mediaType}";
        var compiled = schemas.GetOrAdd(key, _ =>
        {
            var standalone = schema.DeepClone().AsObject();
            standalone["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            standalone["$defs"] = definitions.DeepClone();
            return JsonSchema.Build(JsonSerializer.SerializeToElement(standalone), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://kinerja.test/contract/{schemas.Count}"));
        });
        using var instance = JsonDocument.Parse(body);
        var result = compiled.Evaluate(instance.RootElement, Evaluation);
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})")).Take(10).ToList();
    }

    /// <summary>The operation of a concrete path: literal segments win over parameters (<c>/employees/contracts-ending</c> before <c>/employees/{nip}</c>).</summary>
    private (string?, JsonObject?) Operation(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        var best = paths.Where(p => p.Segments.Length == segments.Length
                && p.Segments.Zip(segments).All(s => s.First.StartsWith('{') || string.Equals(s.First, s.Second, StringComparison.Ordinal))
                && document["paths"]![p.Template]![method.ToLowerInvariant()] is not null)
            .OrderByDescending(p => p.Segments.Count(s => !s.StartsWith('{')))
            .Select(p => p.Template)
            .FirstOrDefault();
        return best is null ? (null, null) : (best, document["paths"]![best]![method.ToLowerInvariant()]!.AsObject());
    }

    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static OpenApiContract? loaded;

    /// <summary>The document the service serves, read from the first host that asks; written to <c>KINERJA_OPENAPI_OUT</c> when set, for the outside linters.</summary>
    public static async Task<OpenApiContract> Of(Uri baseAddress)
    {
        if (loaded is not null)
        {
            return loaded;
        }

        await Loading.WaitAsync();
        try
        {
            if (loaded is null)
            {
                using var client = new HttpClient { BaseAddress = baseAddress };
                var json = await client.GetStringAsync("/openapi/v1.json");
                if (Environment.GetEnvironmentVariable("KINERJA_OPENAPI_OUT") is { Length: > 0 } file)
                {
                    await File.WriteAllTextAsync(file, json);
                }

                loaded = new OpenApiContract(json);
            }

            return loaded;
        }
        finally
        {
            Loading.Release();
        }
    }
}
