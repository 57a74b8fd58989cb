using System.Net;
using System.Text;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Service;

public sealed class ServiceBasicsTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_PostgreSQL_is_reachable()
    {
        var client = app.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_route_with_examples_and_the_reference_page_is_served()
    {
        var client = app.Anonymous();
        var document = await client.GetStringAsync("/openapi/v1.json");
        document.Should().Contain("/api/v1/employees/{nip}/supervisor").And.Contain("/api/v1/units/{code}/renaming")
            .And.Contain("bearer").And.Contain("198609262015051001");
        (await client.GetAsync("/reference")).StatusCode.Should().Be(HttpStatusCode.OK);

        // Every JSON body a route accepts has its example, in the terms of Kota Ambon.
        var bodies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>().Where(a => a.RequestType is not null && a.ContentTypes.Contains("application/json"))
                .Select(a => (Route: $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} /{e.RoutePattern.RawText!.TrimStart('/')}", Body: a.RequestType!)))
            .ToList();
        bodies.Should().HaveCountGreaterThan(40, "the commands take JSON bodies");
        bodies.Where(b => Kinerja.Api.Hosting.OpenApiExamples.For(b.Body) is null).Select(b => $"{b.Route} ({b.Body.Name})")
            .Should().BeEmpty("a client learns a body from its example");
    }

    [Fact]
    public async Task The_correlation_id_of_the_caller_is_echoed_and_one_is_made_when_missing()
    {
        var client = app.As(Roles.Auditor);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
        request.Headers.Add("X-Correlation-Id", "portal-sync-42");
        var response = await client.SendAsync(request);
        response.Headers.GetValues("X-Correlation-Id").Should().Equal("portal-sync-42");

        var other = await client.GetAsync("/api/v1/units");
        other.Headers.GetValues("X-Correlation-Id").Single().Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_401_problems()
    {
        var anonymous = await app.Anonymous().GetAsync("/api/v1/units");
        await anonymous.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");

        var forged = app.Anonymous();
        var otherKey = new Api.Auth.AuthSettings { Issuer = app.Auth.Issuer, Audience = app.Auth.Audience, SigningKey = "a-different-key-of-sufficient-length-0123456789" };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", Api.Auth.TokenIssuer.Issue(otherKey, Roles.HrAdmin, null, "mallory", TimeSpan.FromHours(1)));
        await (await forged.GetAsync("/api/v1/units")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415_and_an_unknown_route_is_a_404_problem()
    {
        var client = app.As(Roles.HrAdmin);
        var text = await client.PostAsync("/api/v1/units", new StringContent("code=X", Encoding.UTF8, "text/plain"));
        await text.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        await (await client.GetAsync("/api/v1/nothing-here")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }
}
