using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Kinerja.UnitTests.Api;

/// <summary>A host environment by name alone, for the rules that depend on it.</summary>
internal sealed class HostEnv(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "Kinerja.Api";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
