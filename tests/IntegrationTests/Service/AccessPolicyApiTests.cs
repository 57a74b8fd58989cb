using System.Net;
using System.Text;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// The access table (decision 129) route by route: every mapped API route is in it, and every role it does not admit to a route is refused
/// there with 403 before anything is bound, looked up or appended. Runs with the default configuration, where the portal writes no registry data.
/// </summary>
public sealed class AccessPolicyApiTests(AccessPolicyApiTests.DefaultAccessApp fixture) : IClassFixture<AccessPolicyApiTests.DefaultAccessApp>
{
    public sealed class DefaultAccessApp : IAsyncLifetime
    {
        public KinerjaApp App { get; } = new() { Settings = new Dictionary<string, string> { [AccessPolicy.PortalWritesRegistrySetting] = "false" } };

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync();
    }

    private KinerjaApp App => fixture.App;

    [Fact]
    public void Every_mapped_api_route_is_in_the_access_table_and_every_row_of_the_table_is_a_mapped_route()
    {
        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(Routes.Base, StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => AccessPolicy.Key(m, e.RoutePattern.RawText!)))
            .ToHashSet();

        mapped.Except(AccessPolicy.Table.Select(r => AccessPolicy.Key(r.Method, r.Pattern))).Should().BeEmpty("a route missing from the table is refused to everyone");
        AccessPolicy.Table.Select(r => AccessPolicy.Key(r.Method, r.Pattern)).Except(mapped).Should().BeEmpty("the table names only routes that exist");
    }

    [Fact]
    public async Task Every_role_the_table_does_not_admit_to_a_route_is_refused_there_with_403_and_nothing_is_appended()
    {
        var before = await App.EventCount();
        var admitted = new List<string>();
        foreach (var route in AccessPolicy.Table)
        {
            foreach (var role in Roles.All.Where(r => !route.Roles.Contains(r)))
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), Concrete(route.Pattern));
                if (route.Method != "GET")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await App.As(role, nip: role is Roles.Employee or Roles.Supervisor ? "199001012020011001" : null).SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    admitted.Add($"{role} {route.Method} {route.Pattern}: {(int)response.StatusCode}");
                }
            }
        }

        admitted.Should().BeEmpty();
        (await App.EventCount()).Should().Be(before);
    }

    [Theory]
    [InlineData("POST", Routes.Employees.All)]
    [InlineData("POST", Routes.Units.All)]
    [InlineData("POST", "/api/v1/positions/")]
    public async Task By_default_the_portal_writes_no_registry_data(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        await (await App.As(Roles.Portal).SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    /// <summary>A request path for a route pattern, with a value of the right shape in every parameter.</summary>
    private static string Concrete(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([a-zA-Z]+)(:[a-z]+)?\??\}", m => m.Groups[2].Value switch
    {
        ":guid" => Guid.NewGuid().ToString(),
        ":int" => "2026",
        _ => m.Groups[1].Value == "nip" ? "199001012020011001" : "DISDIK",
    });
}
