using System.Net;
using Kinerja.Api.WebConsole;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.WebConsole;

/// <summary>The console outside Development (here the Testing environment, as a deployed host without an identity provider).</summary>
public sealed class ConsoleAccessTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Without_an_identity_provider_and_outside_Development_there_is_no_sign_in_at_all()
    {
        var anonymous = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.ClientOptions.BaseAddress };

        var home = await anonymous.GetAsync("/console");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.AbsolutePath.Should().Be("/console/sign-in");
        (await anonymous.GetAsync("/console/sign-in")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = Roles.Auditor, ["name"] = "x" });
        (await anonymous.PostAsync("/console/sign-in", form)).StatusCode.Should().NotBe(HttpStatusCode.Redirect, "no cookie is ever issued here");
        (await anonymous.GetAsync("/console/employees/197001041995042004/history.csv")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_account_without_a_Kinerja_role_is_told_so_instead_of_being_sent_to_sign_in_again()
    {
        var denied = await app.Anonymous().GetAsync("/console/denied");

        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).Should().Contain("tidak memegang peran Kinerja");
    }

    [Fact]
    public async Task A_bearer_token_of_the_API_does_not_open_the_console()
    {
        var auditor = app.As(Roles.Auditor, followRedirects: false);

        var page = await auditor.GetAsync("/console");

        page.StatusCode.Should().Be(HttpStatusCode.Redirect, "the console reads only its own cookie, issued by a sign-in");
    }

    [Fact]
    public void Every_API_read_behind_a_console_section_is_mapped_with_its_own_authorization()
    {
        using var scope = app.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<ConsoleAccess>();

        foreach (var pattern in ApiReads.All)
        {
            access.Find(pattern).Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Should().NotBeEmpty(pattern);
        }
    }

    [Fact]
    public async Task The_console_pages_forbid_scripts_and_framing()
    {
        var response = await app.Anonymous().GetAsync("/console/console.css");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("frame-ancestors 'none'");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
    }
}
