using System.Net;
using System.Text;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Service;

/// <summary>The auditor role reads everything and writes nothing: every write route the application maps answers 403.</summary>
public sealed class AuditorWritesNothingTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_write_route_answers_an_auditor_403_and_appends_nothing()
    {
        var admin = app.As(Roles.HrAdmin);
        await admin.EnsureUnit("DISDIK");
        // Real keys, so a route cannot answer 404 before it gets to refuse the auditor.
        var nip = await admin.Employee("DISDIK");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(WriteMethods)
                .Select(method => (Method: method, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().OrderBy(r => r.Pattern).ThenBy(r => r.Method).ToList();
        routes.Should().HaveCountGreaterThan(40, "the application maps its write routes");

        var auditor = app.As(Roles.Auditor, name: "inspektorat-1");
        var before = await app.EventCount();
        var answers = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), Url(pattern, nip))
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            var response = await auditor.SendAsync(request);
            var problem = response.StatusCode == HttpStatusCode.Forbidden ? await response.Json() : null;
            answers.Add($"{method} {pattern} -> {(int)response.StatusCode} {problem?["code"]?.GetValue<string>()}");
        }

        answers.Should().OnlyContain(a => a.EndsWith("-> 403 forbidden"), string.Join('\n', answers));
        (await app.EventCount()).Should().Be(before);
    }

    private static string Url(string pattern, string nip) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)[^}]*\}", m =>
        m.Groups[1].Value switch
        {
            "nip" => nip,
            "code" => "DISDIK",
            "year" => "2026",
            _ => Guid.NewGuid().ToString(),
        });
}
