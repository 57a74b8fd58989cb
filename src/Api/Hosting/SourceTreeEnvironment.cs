namespace Kinerja.Api.Hosting;

/// <summary>
/// `dotnet run` from the source tree defaults to Development (as a launch profile would, but without a
/// launch profile's banner on stdout, which would spoil `token`'s output). A deployed build, or any
/// explicit ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT, is left alone.
/// </summary>
public static class SourceTreeEnvironment
{
    public static string? Default() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null
        && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null
        && File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "Api.csproj"))
            ? Environments.Development
            : null;
}
