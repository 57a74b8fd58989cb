using System.Diagnostics;
using Kinerja.Infrastructure.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog.Core;
using Serilog.Events;

namespace Kinerja.Api.Hosting;

/// <summary>Section Kinerja:Telemetry: where traces and metrics go (decision 114).</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Kinerja:Telemetry";

    /// <summary>The OTLP collector, e.g. http://127.0.0.1:4317; none (the default) exports nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318), as OTEL_EXPORTER_OTLP_PROTOCOL names them.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public string ServiceName { get; set; } = "kinerja";

    public static IEnumerable<string> Broken(TelemetrySettings t)
    {
        if (t.OtlpEndpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            yield return $"OtlpEndpoint is '{endpoint}'; it takes the collector's absolute URL, e.g. http://127.0.0.1:4317.";
        }

        if (t.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            yield return $"OtlpProtocol is '{t.OtlpProtocol}'; it takes grpc or http/protobuf.";
        }
    }
}

/// <summary>
/// OpenTelemetry traces and metrics of ASP.NET Core, HttpClient (webhook deliveries), Npgsql, Marten, Wolverine and the
/// service's own background operations. They are always recorded, so a request's trace id exists to be its correlation id;
/// they leave the process only when an OTLP endpoint is configured.
/// </summary>
public static class Telemetry
{
    private static readonly string[] Sources = ["Npgsql", "Marten", "Wolverine", Operations.SourceName];
    private static readonly string[] Meters = ["Npgsql", "Marten", "Wolverine*", Operations.SourceName];

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<TelemetrySettings>(configuration, TelemetrySettings.Section, TelemetrySettings.Broken);
        // Read here as well: the exporter is part of the registration, not of an option resolved later.
        var settings = configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Meters));
        if (settings.OtlpEndpoint is { Length: > 0 } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var collector))
        {
            telemetry.UseOtlpExporter(settings.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, collector);
        }
    }
}

/// <summary>
/// A line written inside a traced operation without a request's correlation id (a Wolverine message, a background
/// sweep) gets its trace id as <c>CorrelationId</c>, so every line of one operation can be found by one id.
/// </summary>
public sealed class OperationIdEnricher : ILogEventEnricher
{
    public const string Property = "CorrelationId";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Activity.Current is { } operation)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(Property, operation.TraceId.ToHexString()));
        }
    }
}
