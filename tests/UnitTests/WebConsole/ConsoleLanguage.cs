using Kinerja.Api.WebConsole;
using Microsoft.AspNetCore.Http;

namespace Kinerja.UnitTests.WebConsole;

/// <summary>The console's words for a request with or without the language cookie.</summary>
internal static class ConsoleLanguage
{
    public static ConsoleText Text(string? language = null)
    {
        var http = new DefaultHttpContext();
        if (language is not null)
        {
            http.Request.Headers.Cookie = $"{ConsoleText.Cookie}={language}";
        }

        return new ConsoleText(new OneRequest(http));
    }

    /// <summary>HttpContextAccessor keeps its request in a static async-local: two texts made in one test would share one.</summary>
    private sealed class OneRequest(HttpContext http) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get => http; set => throw new NotSupportedException(); }
    }
}
