using System.Diagnostics;
using Kinerja.Api.Hosting;
using Kinerja.Infrastructure.Common;
using Kinerja.Infrastructure.Integration;
using Microsoft.Extensions.Configuration;
using Serilog.Events;
using Serilog.Parsing;

namespace Kinerja.UnitTests.Api;

public class OperationsTests
{
    private static LogEvent Line(params LogEventProperty[] properties) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse("a line"), properties);

    private sealed class Properties : Serilog.Core.ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) => new(name, new ScalarValue(value));
    }

    [Fact]
    public void A_line_written_inside_a_background_operation_carries_the_operations_trace_id_as_its_correlation_id()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Operations.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var line = Line();

        using (var operation = Operations.Start("webhook-sweep"))
        {
            new OperationIdEnricher().Enrich(line, new Properties());
            line.Properties["CorrelationId"].Should().Be(new ScalarValue(operation!.TraceId.ToHexString()));
        }

        var request = Line(new LogEventProperty("CorrelationId", new ScalarValue("from-the-caller")));
        using (Operations.Start("webhook-sweep"))
        {
            new OperationIdEnricher().Enrich(request, new Properties());
        }

        request.Properties["CorrelationId"].Should().Be(new ScalarValue("from-the-caller"), "a request's own id is kept");
    }

    [Fact]
    public void Describe_sees_that_secrets_are_set_but_not_their_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = "kinerja-signing-key-0123456789-0123456789",
            ["Auth:Issuer"] = "kinerja",
            ["ConnectionStrings:Kinerja"] = "Host=db;Database=kinerja;Username=kinerja;Password=rahasia;Pooling=true",
            ["Kinerja:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317",
        }).Build();

        var shown = Secrets.Masked(configuration);

        shown["Auth:SigningKey"].Should().Be(Secrets.Mask);
        shown["Auth:Issuer"].Should().Be("kinerja");
        shown["ConnectionStrings:Kinerja"].Should().Be($"Host=db;Database=kinerja;Username=kinerja;Password={Secrets.Mask};Pooling=true");
        shown["Kinerja:Telemetry:OtlpEndpoint"].Should().Be("http://127.0.0.1:4317");
        configuration["Auth:SigningKey"].Should().Be("kinerja-signing-key-0123456789-0123456789", "the service itself still reads the real value");
    }

    [Fact]
    public void Log_properties_holding_a_secret_or_a_connection_strings_password_are_masked()
    {
        var line = Line(
            new LogEventProperty("SigningKey", new ScalarValue("kinerja-signing-key")),
            new LogEventProperty("Connection", new ScalarValue("Host=db;Password=rahasia")),
            new LogEventProperty("Nip", new ScalarValue("198609262015051001")));

        new SecretMaskingEnricher().Enrich(line, new Properties());

        line.Properties["SigningKey"].Should().Be(new ScalarValue(Secrets.Mask));
        line.Properties["Connection"].Should().Be(new ScalarValue($"Host=db;Password={Secrets.Mask}"));
        line.Properties["Nip"].Should().Be(new ScalarValue("198609262015051001"));
    }

    [Fact]
    public void Webhook_and_retention_settings_that_cannot_work_are_named_with_what_they_take()
    {
        WebhookOptions.Broken(new WebhookOptions()).Should().BeEmpty();
        WebhookOptions.Broken(new WebhookOptions { RetryDelays = "00:00:01,soon", Timeout = TimeSpan.Zero }).Should().BeEquivalentTo(
            "Timeout is 00:00:00; it takes a duration above zero, e.g. 00:00:10.",
            "RetryDelays is '00:00:01,soon'; it takes durations separated by commas, e.g. 00:00:01,00:00:05,00:00:30.");
        RetentionSettings.Broken(new RetentionSettings()).Should().BeEmpty();
        RetentionSettings.Broken(new RetentionSettings { IdempotencyKeyDays = 0 }).Should().ContainSingle()
            .Which.Should().Be("IdempotencyKeyDays is 0; it takes a whole number of days, 1 or more.");
        TelemetrySettings.Broken(new TelemetrySettings { OtlpEndpoint = "collector", OtlpProtocol = "udp" }).Should().HaveCount(2);
    }
}
