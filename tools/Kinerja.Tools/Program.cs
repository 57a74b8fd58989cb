using Kinerja.Api.Hosting;
using Kinerja.Tools.Benchmarking;
using Kinerja.Tools.Generating;

namespace Kinerja.Tools;

/// <summary>
/// Development tooling kept out of the service: <c>generate-city</c> and <c>benchmark</c> boot the service's own host
/// (configuration, store, endpoints) with the generator added, so what they write and time is what the service runs.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ApiServices).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            // A developer's tool: without an explicit environment it runs as Development, whose signing key the benchmark's token needs.
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Development,
        });
        builder.AddKinerjaApi();
        builder.Services.AddSingleton<CityGenerator>();
        builder.Services.AddSingleton<ReadModelRebuild>();
        var app = builder.Build();
        switch (args)
        {
            case [GenerateCityCommand.Verb, .. var generateArgs]:
                return await GenerateCityCommand.Run(app.Services, generateArgs);
            case [ImportBenchmarkCommand.Verb, .. var importArgs]:
                app.UseKinerjaApi();
                return await ImportBenchmarkCommand.Run(app, importArgs);
            case [ScaleProbesCommand.Verb, .. var scaleArgs]:
                return await ScaleProbesCommand.Run(app, scaleArgs);
            case [BenchmarkCommand.Verb, .. var benchmarkArgs]:
                app.UseKinerjaApi();
                return await BenchmarkCommand.Run(app, benchmarkArgs);
            default:
                await Console.Error.WriteLineAsync($"usage: {GenerateCityCommand.Verb} [--employees N] [--seed S] [--if-empty] | {BenchmarkCommand.Verb} [--employees N] [--seed S] [--iterations I] [--report FILE] [--against FILE] [--rebuild-only [--rounds R] [--projection NAME] | --probes-only] | {ImportBenchmarkCommand.Verb} [--employees N] [--seed S] | {ScaleProbesCommand.Verb} --city URL --province URL [--iterations I] [--rounds R]");
                return 2;
        }
    }
}
