using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// Requests generated from the service's own OpenAPI document, each operation with its example body bent out of shape
/// (fields null, missing, of the wrong type, holding NUL or an unpaired surrogate), hostile route and query values (the
/// empty GUID, NUL) and an Accept header asking for CSV or XML: none may answer 5xx, every error is problem+json, and a
/// refused request appends nothing (its correlation id is on no event).
/// </summary>
public sealed class HostileInputFuzzTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private const int MaxRequests = 4_000;
    private static readonly string[] Accepts = ["application/json", "text/csv", "application/xml", "text/html;q=0.9", "*/*"];
    private static readonly string[] HostileRouteValues = ["00000000-0000-0000-0000-000000000000", "%00", "a%00b", "%ED%A0%80", "0"];
    private static readonly string[] HostileQueryValues = ["%00", "a%00b", "%ED%A0%80", "-1", "00000000-0000-0000-0000-000000000000", "2026-02-30"];

    [Fact]
    public async Task Thousands_of_requests_generated_from_the_OpenAPI_document_get_no_5xx_only_problems_as_errors_and_refusals_append_nothing()
    {
        var admin = app.As(Roles.HrAdmin);
        var staff = await admin.School();
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [staff.Unit]);
        await admin.Open(cycle, staff.Guru);
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["nip"] = staff.Guru, ["code"] = staff.Unit, ["id"] = cycle.ToString(), ["cycleId"] = cycle.ToString(), ["year"] = "2026",
        };

        var document = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        // As hr-admin, who may call nearly every route, and as the portal, whose writes take other paths (public feedback).
        var callers = new[] { admin, app.As(Roles.Portal) };
        var requests = callers.SelectMany(caller => Generate(document, known).Select(r => (Caller: caller, r.Method, r.Url, r.Body))).Take(MaxRequests).ToList();
        requests.Should().HaveCountGreaterThan(2_000, "every operation of the document is tried several ways, by two callers");

        var watch = Stopwatch.StartNew();
        var wrong = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var index = 0;
        foreach (var (caller, method, url, body) in requests)
        {
            var correlation = $"fuzz-{index++}";
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            request.Headers.TryAddWithoutValidation("Accept", Accepts[index % Accepts.Length]);
            request.Headers.Add("X-Correlation-Id", correlation);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await caller.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var what = $"{method} {url} {body} (Accept {Accepts[index % Accepts.Length]}) -> {status}";
            if (status >= 500)
            {
                wrong.Add($"{what}: {await response.Content.ReadAsStringAsync()}");
            }
            else if (status >= 400)
            {
                // Kestrel itself turns away a request target holding NUL (%00 in the path) before any middleware runs: a bare 400
                // the application never saw (no correlation id echoed), so it could not have stored anything either.
                var refusedByServer = status == 400 && !response.Headers.Contains("X-Correlation-Id");
                if (!refusedByServer && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    wrong.Add($"{what} as {response.Content.Headers.ContentType}");
                }

                if (await Appended(correlation) > 0)
                {
                    wrong.Add($"{what} appended events");
                }
            }
        }

        wrong.Should().BeEmpty(
            $"{requests.Count} requests in {watch.Elapsed.TotalSeconds:0} s, statuses {string.Join(", ", statuses)}:\n{string.Join('\n', wrong.Take(80))}");
        statuses.Keys.Should().Contain([200, 400, 404]);
    }

    private async Task<long> Appended(string correlation) =>
        Convert.ToInt64(await TestDatabase.Scalar($"select count(*) from {app.Schema}.mt_events where correlation_id = '{correlation}'"));

    private static IEnumerable<(string Method, string Url, string? Body)> Generate(JsonNode document, IReadOnlyDictionary<string, string> known)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var verb = method.ToUpperInvariant();
                var parameters = operation!["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList() ?? [];
                var routeNames = parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
                var queryNames = parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
                var url = Fill(template, routeNames, known, hostile: null);
                var example = Example(operation);
                List<string?> bodies = verb == "POST" ? [.. Bodies(example)] : [null];

                foreach (var body in bodies)
                {
                    yield return (verb, url, body);
                }

                foreach (var name in routeNames)
                {
                    foreach (var value in HostileRouteValues)
                    {
                        yield return (verb, Fill(template, routeNames, known, (name, value)), bodies[0]);
                    }
                }

                foreach (var name in queryNames)
                {
                    foreach (var value in HostileQueryValues)
                    {
                        yield return (verb, $"{url}?{name}={value}", bodies[0]);
                    }
                }
            }
        }
    }

    private static string Fill(string template, List<string> names, IReadOnlyDictionary<string, string> known, (string Name, string Value)? hostile)
    {
        var url = template;
        foreach (var name in names)
        {
            var value = hostile is { } h && h.Name == name ? h.Value : known.GetValueOrDefault(name, "1");
            url = url.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        return url;
    }

    private static JsonNode? Example(JsonNode operation) =>
        operation["requestBody"]?["content"]?["application/json"] is { } json
            ? json["example"] ?? json["examples"]?.AsObject().FirstOrDefault().Value?["value"]
            : null;

    /// <summary>The example first, then each of its fields (and those of its first list item) bent one at a time.</summary>
    private static IEnumerable<string> Bodies(JsonNode? example)
    {
        yield return example?.ToJsonString() ?? "{}";
        yield return "{}";
        yield return "null";
        yield return "[]";
        if (example is not JsonObject fields)
        {
            yield break;
        }

        foreach (var path in Fields(fields, ""))
        {
            foreach (var replacement in new JsonNode?[] { null, JsonValue.Create("a\0b"), JsonValue.Create(12345), new JsonArray(), new JsonObject() })
            {
                yield return Replace(fields, path, replacement?.DeepClone());
            }

            yield return Replace(fields, path, JsonValue.Create("x")).Replace("\"x\"", "\"\\ud800\"", StringComparison.Ordinal);
            yield return Remove(fields, path);
        }
    }

    private static IEnumerable<string> Fields(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            yield return prefix + name;
            var inner = value is JsonArray { Count: > 0 } list ? list[0] : value;
            if (inner is JsonObject nested && prefix.Length == 0)
            {
                foreach (var field in Fields(nested, name + (value is JsonArray ? "[0]." : ".")))
                {
                    yield return field;
                }
            }
        }
    }

    private static string Replace(JsonObject example, string path, JsonNode? replacement)
    {
        var copy = example.DeepClone().AsObject();
        var (parent, name) = Locate(copy, path);
        parent[name] = replacement;
        return copy.ToJsonString();
    }

    private static string Remove(JsonObject example, string path)
    {
        var copy = example.DeepClone().AsObject();
        var (parent, name) = Locate(copy, path);
        parent.Remove(name);
        return copy.ToJsonString();
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject root, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (root, path);
        }

        var head = path[..dot];
        var list = head.EndsWith("[0]", StringComparison.Ordinal);
        var container = root[list ? head[..^3] : head]!;
        return ((list ? container[0]! : container).AsObject(), path[(dot + 1)..]);
    }
}
