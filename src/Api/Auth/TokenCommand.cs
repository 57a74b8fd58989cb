namespace Kinerja.Api.Auth;

/// <summary>
/// <c>token --role ROLE [--nip NIP] [--name NAME] [--unit CODE] [--instansi ID] [--hours H]</c>: prints a signed token and nothing else,
/// so scripts can do <c>TOKEN=$(dotnet run --project src/Api -- token --role hr-admin)</c>.
/// </summary>
public static class TokenCommand
{
    public const string Verb = "token";

    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        var settings = AuthSettings.From(configuration);
        if (settings.Key() is null)
        {
            Console.Error.WriteLine(environment.IsDevelopment()
                ? "Auth:SigningKey is not configured."
                : $"Refusing to issue a token in {environment.EnvironmentName}: no Auth:SigningKey is configured.");
            return 2;
        }

        if (!options.TryGetValue("role", out var role))
        {
            Console.Error.WriteLine("usage: token --role hr-admin|opd-admin|supervisor|employee|auditor|portal [--nip NIP] [--name NAME] [--unit CODE] [--instansi ID] [--hours H]");
            return 2;
        }

        try
        {
            var hours = options.TryGetValue("hours", out var h) && double.TryParse(h, out var parsed) ? parsed : 8;
            Console.WriteLine(TokenIssuer.Issue(settings, role, options.GetValueOrDefault("nip"), options.GetValueOrDefault("name"), TimeSpan.FromHours(hours), options.GetValueOrDefault("unit"), options.GetValueOrDefault("instansi")));
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
