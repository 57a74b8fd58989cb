using System.Globalization;
using Kinerja.Application.Common;

namespace Kinerja.Api.Http;

/// <summary>ETag = the stream version; If-Match carries it back for optimistic concurrency.</summary>
public static class Versions
{
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version in If-Match, null when absent or "*". Anything else that is not a version this API issued is a 400.</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value is "" or "*")
        {
            return null;
        }

        var unquoted = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        unquoted = unquoted.Trim('"');
        return long.TryParse(unquoted, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException("If-Match must be an ETag this API issued, such as \"3\".");
    }

    public static IResult WithETag<T>(this HttpContext context, Versioned<T> read)
    {
        context.Response.Headers.ETag = ETag(read.Version);
        return TypedResults.Ok(read.Value);
    }
}
