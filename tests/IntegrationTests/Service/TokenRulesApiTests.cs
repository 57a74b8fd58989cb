using System.Net;
using System.Net.Http.Headers;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.IntegrationTests.Service;

/// <summary>Tokens signed with the right key that the service still refuses (decision 129): no subject, several roles, an expiry years ahead.</summary>
public sealed class TokenRulesApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private static Dictionary<string, object> HrAdmin() => new() { ["sub"] = "budi.bkpsdm", ["name"] = "Budi", ["role"] = "hr-admin" };

    public static TheoryData<string, Dictionary<string, object>, int> Refused => new()
    {
        { "no subject", new() { ["name"] = "Budi", ["role"] = "hr-admin" }, 1 },
        { "two roles", new() { ["sub"] = "ina", ["name"] = "Ina", ["role"] = new[] { "employee", "hr-admin" } }, 1 },
        { "an expiry fifty years ahead", HrAdmin(), 24 * 365 * 50 },
        { "an expiry just past the twelve-hour maximum", HrAdmin(), 13 },
    };

    [Fact]
    public async Task A_token_with_a_subject_one_role_and_a_bounded_lifetime_is_accepted() =>
        (await Client(HrAdmin(), 12).GetAsync(Routes.Units.All)).StatusCode.Should().Be(HttpStatusCode.OK);

    [Theory]
    [MemberData(nameof(Refused))]
#pragma warning disable xUnit1026 // the first argument names the case in the test's display name

    public async Task A_validly_signed_token_is_refused_with_401(string token, Dictionary<string, object> claims, int hours) =>
        await (await Client(claims, hours).GetAsync(Routes.Units.All)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
#pragma warning restore xUnit1026

    private HttpClient Client(Dictionary<string, object> claims, int hours)
    {
        var client = app.Anonymous();
        var now = DateTime.UtcNow;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = app.Auth.Issuer,
            Audience = app.Auth.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(hours),
            SigningCredentials = new SigningCredentials(app.Auth.Key(), SecurityAlgorithms.HmacSha256),
        }));
        return client;
    }
}
