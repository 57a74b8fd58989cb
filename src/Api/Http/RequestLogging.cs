using System.Text.RegularExpressions;
using Serilog;
using Serilog.Events;

namespace Kinerja.Api.Http;

/// <summary>
/// The request line of every log entry with each NIP in it masked: employees are addressed by NIP in routes, and a NIP
/// is personal data (birth date, gender) that logs kept for months need not hold. A hash would not hide it: 18 digits of
/// a date, a month and a sequence are few enough to try them all. The correlation id ties a line to its request.
/// </summary>
public static partial class RequestLogging
{
    public const string Mask = "{nip}";

    public static IApplicationBuilder UseMaskedRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o => o.GetMessageTemplateProperties = (http, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(Masked(path))),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ]);

    /// <summary>Every run of exactly 18 digits (a NIP PNS or NI PPPK), wherever it stands in the path or query.</summary>
    public static string Masked(string path) => Nip().Replace(path, Mask);

    [GeneratedRegex(@"(?<!\d)\d{18}(?!\d)")]
    private static partial Regex Nip();
}
