using JasperFx.CodeGeneration;
using Wolverine;

namespace Kinerja.Infrastructure;

/// <summary>
/// Wolverine runs each message handler through C# it generates from the handler class. The service loads that
/// code pre-generated and compiled into this assembly (<c>src/Infrastructure/Internal/Generated</c>, written by
/// <c>scripts/codegen.sh</c>), so starting does no Roslyn work and the product ships without a compiler
/// (docs/decisions/065). Marten 9 generates no code. Every environment and every host (the API, the tests' host,
/// any tool calling AddInfrastructure) runs the same static code.
/// </summary>
public static class GeneratedCode
{
    /// <summary>The admin verb that writes the code (<c>codegen write</c>); run by scripts/codegen.sh.</summary>
    public const string Verb = "codegen";

    internal static void Configure(WolverineOptions opts, bool writing)
    {
        // The handlers and their generated code live here. Left alone, Wolverine takes the entry assembly: the Api
        // when the service runs, the test runner's when the tests do.
        opts.ApplicationAssembly = typeof(GeneratedCode).Assembly;
        if (writing)
        {
            // Discover the handlers by scanning the assemblies as they are, not from the registry compiled into this
            // assembly (Static mode reads that registry, and a stale one would leave a new handler out of the code written).
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
            return;
        }

        // Static: the handler registry and the handlers come from the assembly; a missing handler type throws
        // instead of being compiled.
        opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
    }
}
