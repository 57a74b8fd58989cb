using System.Diagnostics;

namespace Kinerja.IntegrationTests.Harness;

/// <summary>The service as an operator starts it: its own process and runtime configuration, settings from the environment.</summary>
public static class ServiceProcess
{
    public static ProcessStartInfo StartInfo(string schema, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kinerja.Api.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Kinerja"] = TestDatabase.ConnectionString;
        start.Environment["Kinerja__Schema"] = schema;
        start.Environment["Auth__SigningKey"] = KinerjaApp.SigningKey;
        start.Environment["Kinerja__Audit__ChainKey"] = KinerjaApp.ChainKey;
        return start;
    }

    /// <summary>An admin verb run to its end, as an operator runs it, against the run's server and <paramref name="schema"/>.</summary>
    public static async Task<(int Exit, string Out, string Err)> Run(string schema, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(schema, args);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await stdout, stderr);
    }
}
