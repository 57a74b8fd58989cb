using Kinerja.Api.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kinerja.UnitTests.Api;

[Collection(nameof(ConsoleCapture))]
public sealed class TokenCommandTests
{
    private static IConfiguration Config(string? key) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = key, ["Auth:Issuer"] = "kinerja", ["Auth:Audience"] = "kinerja-api" })
        .Build();

    [Fact]
    public void With_a_signing_key_it_prints_only_a_token_carrying_the_role_nip_and_name()
    {
        var (exit, output, _) = ConsoleCapture.Run(() => TokenCommand.Run(
            ["--role", "supervisor", "--nip", "198609262015051001", "--name", "ina"], Config("a-signing-key-for-unit-tests-0123456789abcdef"), new HostEnv("Development")));

        exit.Should().Be(0);
        output.Trim().Split('\n').Should().ContainSingle();
        var token = new JsonWebToken(output.Trim());
        token.GetClaim("role").Value.Should().Be("supervisor");
        token.GetClaim("nip").Value.Should().Be("198609262015051001");
        token.GetClaim("name").Value.Should().Be("ina");
        token.Issuer.Should().Be("kinerja");
    }

    [Fact]
    public void Without_a_signing_key_outside_development_it_refuses_and_prints_nothing_on_stdout()
    {
        var (exit, output, error) = ConsoleCapture.Run(() => TokenCommand.Run(["--role", "hr-admin"], Config(null), new HostEnv("Production")));
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("Refusing");
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        var (exit, output, error) = ConsoleCapture.Run(() => TokenCommand.Run(["--role", "root"], Config("a-signing-key-for-unit-tests-0123456789abcdef"), new HostEnv("Development")));
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("Unknown role");
    }
}

/// <summary>Tests that swap Console.Out share this collection so they never run at the same time.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public static (int Exit, string Output, string Error) Run(Func<int> action)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (action(), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
