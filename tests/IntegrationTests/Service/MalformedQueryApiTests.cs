using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Service;

/// <summary>A query value that cannot be read is a 400 that names the parameter and what it takes, on every route that takes one.</summary>
public sealed class MalformedQueryApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private static readonly Type[] Typed = [typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(DateOnly), typeof(DateTimeOffset), typeof(decimal)];

    [Fact]
    public async Task Limit_abc_and_every_other_unreadable_query_value_is_a_400_naming_the_parameter_on_every_read_route()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .SelectMany(e => QueryParameters(e).Select(p => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Parameter: p)))
            .OrderBy(r => r.Pattern).ThenBy(r => r.Parameter).ToList();
        routes.Select(r => r.Pattern).Distinct().Should().HaveCountGreaterThan(15, "the application maps its lists");
        routes.Where(r => r.Parameter == "limit").Should().HaveCountGreaterThan(15, "every list takes a limit");

        var answers = new List<string>();
        foreach (var (pattern, parameter) in routes)
        {
            var url = $"{Url(pattern)}?{parameter}=abc";
            // Asked by a role the access table admits to the route (the worklist is only for ASN: supervisor and employee tokens).
            var response = await app.As(Roles.HrAdmin).GetAsync(url);
            foreach (var role in new[] { Roles.Auditor, Roles.Supervisor }.TakeWhile(_ => response.StatusCode == HttpStatusCode.Forbidden))
            {
                response = await app.As(role).GetAsync(url);
            }

            var problem = response.StatusCode == HttpStatusCode.BadRequest ? await response.Json() : null;
            var named = problem?["errors"]?[parameter] is not null && problem["detail"].Str().Contains($"'{parameter}'", StringComparison.Ordinal);
            answers.Add($"{url} -> {(int)response.StatusCode} {problem?["code"].Str()} {(named ? "named" : problem?["detail"].Str())}");
        }

        answers.Should().OnlyContain(a => a.EndsWith(" 400 malformed-request named", StringComparison.Ordinal), string.Join('\n', answers));
        var limitUrl = $"{Kinerja.Api.Http.Routes.Employees.All}?limit=abc";
        var limit = await (await app.As(Roles.HrAdmin).GetAsync(limitUrl)).Json();
        limit["detail"].Str().Should().Be("Permintaan tidak dapat dibaca. Rincian: The parameter 'limit' must be a whole number.");
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, limitUrl) { Headers = { { "Accept-Language", "en" } } };
        var english = await (await app.As(Roles.HrAdmin).SendAsync(inEnglish)).Json();
        english["detail"].Str().Should().Be("The parameter 'limit' must be a whole number.");
    }

    [Fact]
    public void Every_list_that_takes_a_limit_says_in_its_answer_when_there_is_more()
    {
        var lists = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true && QueryParameters(e).Contains("limit"))
            .Select(e => (Pattern: e.RoutePattern.RawText!, Answer: Answer(e)))
            .ToList();
        lists.Should().HaveCountGreaterThan(15);

        // nextCursor (the paging convention), also on a page inside the answer (a digest check's changed streams); the feed's more
        // (a position, not a cursor); the recommendations' fitting (a top-N, not pages).
        string[] saysMore = ["NextCursor", "More", "Fitting"];
        bool Says(Type? answer) => answer?.GetProperties().Any(p => saysMore.Contains(p.Name)
            || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Page<>))) == true;
        lists.Select(l => $"{l.Pattern} -> {l.Answer?.Name} {(Says(l.Answer) ? "says" : "is silent")}")
            .Should().OnlyContain(a => a.EndsWith(" says", StringComparison.Ordinal), "a client must be able to tell a short list from a cut one");
    }

    /// <summary>The type a route answers 200 with: declared (Produces) or the handler's own return type.</summary>
    private static Type? Answer(RouteEndpoint endpoint)
    {
        var declared = endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
            .FirstOrDefault(p => p.StatusCode == 200 && p.Type is not null && p.Type != typeof(void))?.Type;
        var returned = endpoint.Metadata.GetMetadata<MethodInfo>()?.ReturnType;
        while (returned is { IsGenericType: true } && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            returned = returned.GetGenericArguments()[0];
        }

        return declared ?? returned;
    }

    /// <summary>The typed parameters of the route's handler that are not route values: those come from the query string.</summary>
    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            .Where(p => p.Name is not null && !route.Contains(p.Name))
            .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var t && (Typed.Contains(t) || t.IsEnum))
            .Select(p => p.Name!);
    }

    private static string Url(string pattern) => Regex.Replace(pattern, @"\{([^}:]+)[^}]*\}", m => m.Groups[1].Value switch
    {
        "nip" => "199001012020121001",
        "code" => "DISDIK",
        "year" => "2026",
        "hash" => new string('a', 64),
        _ => Guid.NewGuid().ToString(),
    });
}
