using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Kinerja.Api.Http;

/// <summary>
/// A query or route value the framework could not bind (<c>limit=abc</c>): the problem names the parameter and says what it
/// takes, read from the endpoint's own handler, instead of the framework's text (which names internal types).
/// </summary>
internal static partial class QueryParameterProblem
{
    public static (string Detail, IDictionary<string, string[]> Errors)? Of(HttpContext context, BadHttpRequestException bad)
    {
        var match = Unbound().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;
        var takes = match.Groups["missing"].Success ? "is required" : $"must be {Expected(type)}";
        return ($"The parameter '{name}' {takes}.", new Dictionary<string, string[]> { [name] = [takes] });
    }

    /// <summary>
    /// The generated request delegates answer an optional value they cannot parse (<c>limit=abc</c> for an <c>int?</c>) with a
    /// bare 400 where the runtime-built ones throw under <c>ThrowOnBadRequest</c>; an endpoint filter sees that 400 before the
    /// handler runs and throws this instead, so the answer is the same <c>malformed-request</c> problem naming the parameter.
    /// </summary>
    public static BadHttpRequestException Unparsed(HttpContext context, IEnumerable<ParameterInfo> parameters)
    {
        foreach (var parameter in parameters)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType);
            var text = parameter.Name is { } name ? context.Request.RouteValues[name]?.ToString() ?? context.Request.Query[name].FirstOrDefault() : null;
            if (type is not null && !string.IsNullOrEmpty(text) && !Parses(type, text))
            {
                return new BadHttpRequestException($"Failed to bind parameter \"{type.Name}? {parameter.Name}\" from \"{text}\".");
            }
        }

        return new BadHttpRequestException("The request could not be read.");
    }

    private static bool Parses(Type type, string text)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: false, out _);
        }

        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return withProvider is not null ? (bool)withProvider.Invoke(null, [text, CultureInfo.InvariantCulture, null])!
            : plain is null || (bool)plain.Invoke(null, [text, null])!;
    }

    private static string Expected(Type? type) => (Nullable.GetUnderlyingType(type ?? typeof(string)) ?? type) switch
    {
        { IsEnum: true } e => "one of " + string.Join(", ", Enum.GetNames(e)),
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(decimal) || t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(Guid) => "a UUID",
        var t when t == typeof(DateOnly) => "a date as YYYY-MM-DD",
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "an ISO 8601 instant with its offset, e.g. 2026-07-01T08:00:00+09:00",
        _ => "a value of the documented form",
    };

    [GeneratedRegex("""^(?:Failed to bind parameter "(?:[^" ]+) (?<name>[^"]+)" from|Required parameter "(?:[^" ]+) (?<name>[^"]+)" was not provided(?<missing>))""")]
    private static partial Regex Unbound();
}
