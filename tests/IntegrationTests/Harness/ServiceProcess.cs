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
}
