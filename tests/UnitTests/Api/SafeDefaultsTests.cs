using Kinerja.Api.Hosting;
using Kinerja.Infrastructure.Audit;
using Microsoft.Extensions.Configuration;

namespace Kinerja.UnitTests.Api;

public sealed class SafeDefaultsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_a_service_without_a_signing_key_or_authority_refuses_to_start_and_says_what_to_configure(string environment) =>
        SafeDefaults.Refusal(new HostEnv(environment), Config()).Should().Contain("neither Auth:SigningKey nor Auth:Authority");

    [Fact]
    public void Outside_development_the_repository_s_development_key_is_refused() =>
        SafeDefaults.Refusal(new HostEnv("Production"), Config(("Auth:SigningKey", SafeDefaults.DevelopmentSigningKey)))
            .Should().Contain("development key published in the repository");

    [Fact]
    public void The_development_key_in_the_repository_is_the_one_the_refusal_knows()
    {
        var json = File.ReadAllText(Path.Combine(Architecture.LayerTests.RepositoryRoot(), "src", "Api", "appsettings.Development.json"));
        json.Should().Contain(SafeDefaults.DevelopmentSigningKey);
    }

    [Theory]
    [InlineData("Auth:SigningKey", "a-production-secret-of-its-own-0123456789")]
    [InlineData("Auth:Authority", "https://sso.ambon.go.id/realms/asn")]
    public void Outside_development_a_key_of_its_own_or_an_authority_and_a_chain_key_are_enough(string key, string value) =>
        SafeDefaults.Refusal(new HostEnv("Production"), Config((key, value), (ChainKey.Setting, "a-chain-key-the-database-does-not-hold"))).Should().BeNull();

    [Fact]
    public void Outside_development_a_service_without_a_chain_key_refuses_to_start() =>
        SafeDefaults.Refusal(new HostEnv("Production"), Config(("Auth:SigningKey", "a-production-secret-of-its-own-0123456789")))
            .Should().Contain(ChainKey.Setting).And.Contain("reseal-chains");

    [Fact]
    public void In_development_nothing_is_required() => SafeDefaults.Refusal(new HostEnv("Development"), Config()).Should().BeNull();

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Staging", "false", false)]
    public void The_api_description_is_off_in_production_unless_switched_on_and_can_be_switched_off_anywhere(string environment, string? setting, bool published) =>
        SafeDefaults.PublishesApiDescription(new HostEnv(environment), setting is null ? Config() : Config(("Kinerja:PublishApiDescription", setting)))
            .Should().Be(published);
}
