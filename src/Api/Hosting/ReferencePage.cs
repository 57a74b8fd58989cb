using Scalar.AspNetCore;

namespace Kinerja.Api.Hosting;

/// <summary>
/// The API reference at <c>/reference</c>: named Kinerja, operations by their short summaries, the roles of each shown (<c>x-roles</c>),
/// bearer tokens entered once; none of the vendor's cloud client, AI agent, MCP or telemetry (a government service's reference page
/// sends nothing elsewhere).
/// </summary>
public static class ReferencePage
{
    public const string Path = "/reference";

    public static void MapReferencePage(this WebApplication app) =>
        app.MapScalarApiReference(Path, o => o
            .WithTitle("Kinerja")
            .WithOperationTitleSource(OperationTitleSource.Summary)
            .WithShowExtensions("x-roles")
            .AddPreferredSecuritySchemes("bearer")
            .HideClientButton()
            .HideDeveloperTools()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry());
}
