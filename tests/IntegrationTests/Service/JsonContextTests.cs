using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Kinerja.Api.Http;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// Every body a route binds or writes as JSON has source-generated metadata (docs/decisions/160): a type missing from the
/// context would silently fall back to the reflection resolver and bring its cost back to the start.
/// </summary>
public sealed class JsonContextTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public void Every_body_a_route_binds_or_writes_is_in_the_source_generated_context_the_http_options_ask_first()
    {
        var options = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bodies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(Bodies).Distinct().ToList();
        bodies.Should().HaveCountGreaterThan(100, "the application binds and writes its bodies as JSON");

        var missing = bodies.Where(t => ApiJson.Default.GetTypeInfo(t) is null).Select(Name).Order().ToList();
        missing.Should().BeEmpty("every bound or written body needs [JsonSerializable] on ApiJson; missing:\n{0}", string.Join('\n', missing));
        var chain = options.TypeInfoResolverChain.ToList();
        chain.FindIndex(r => r is ApiJson).Should().BeInRange(0, chain.FindIndex(r => r is DefaultJsonTypeInfoResolver) - 1,
            "the generated metadata is asked before the reflection fallback");
        ((IJsonTypeInfoResolver)ApiJson.Default).GetTypeInfo(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), options)
            .Should().NotBeNull("every refusal is written as a problem");
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.FullName![..type.FullName!.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.FullName!.Replace('+', '.');

    private static IEnumerable<Type> Bodies(RouteEndpoint endpoint)
    {
        var accepted = endpoint.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType);
        var produced = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
            .Where(p => p.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal))).Select(p => p.Type);
        var returned = endpoint.Metadata.GetMetadata<MethodInfo>()?.ReturnType;
        while (returned is { IsGenericType: true } && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            returned = returned.GetGenericArguments()[0];
        }

        return accepted.Concat(produced).Append(returned)
            .Where(t => t is not null && t != typeof(void) && t != typeof(string) && !typeof(IResult).IsAssignableFrom(t)
                && t != typeof(Task) && t != typeof(ValueTask))
            .Select(t => t!);
    }
}
