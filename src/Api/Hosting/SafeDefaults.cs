using Kinerja.Api.Auth;
using Kinerja.Infrastructure.Audit;

namespace Kinerja.Api.Hosting;

/// <summary>
/// What the service refuses to start with outside Development, and whether it publishes its API description. The environment is only
/// ever what ASPNETCORE_ENVIRONMENT (or DOTNET_ENVIRONMENT) says: no default from the folder it runs in, so a build started without one is
/// Production and never reads appsettings.Development.json or its key (docs/decisions/128).
/// </summary>
public static class SafeDefaults
{
    /// <summary>The key in appsettings.Development.json: public in the repository, so it signs nothing that counts.</summary>
    public const string DevelopmentSigningKey = "kinerja-development-signing-key-not-for-production-use-0001";

    /// <summary>Why the service must not start in this environment with this configuration, or null.</summary>
    public static string? Refusal(IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment())
        {
            return null;
        }

        var auth = AuthSettings.From(configuration);
        if (string.IsNullOrWhiteSpace(auth.SigningKey) && string.IsNullOrWhiteSpace(auth.Authority))
        {
            return $"Refusing to start in {environment.EnvironmentName}: neither Auth:SigningKey nor Auth:Authority is configured, so no caller "
                + "could be authenticated. Configure one (Auth__SigningKey or Auth__Authority), or set ASPNETCORE_ENVIRONMENT=Development on a "
                + "developer's machine.";
        }

        if (auth.SigningKey == DevelopmentSigningKey)
        {
            return $"Refusing to start in {environment.EnvironmentName}: Auth:SigningKey is the development key published in the repository; "
                + "anyone could sign tokens with it. Configure a secret key of your own.";
        }

        return string.IsNullOrWhiteSpace(configuration[ChainKey.Setting])
            ? $"Refusing to start in {environment.EnvironmentName}: {ChainKey.Setting} is not configured, so anyone who can write to the database "
                + "could rewrite history and seal it anew. Configure a secret the database does not hold (Kinerja__Audit__ChainKey); a database "
                + "sealed without one moves to it with reseal-chains (docs/decisions/127)."
            : null;
    }

    /// <summary><c>/openapi</c> and <c>/reference</c>: on unless switched off, and off in Production unless switched on.</summary>
    public static bool PublishesApiDescription(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>("Kinerja:PublishApiDescription") ?? !environment.IsProduction();
}
