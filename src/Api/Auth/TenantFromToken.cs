using Kinerja.Api.Http;
using Kinerja.Infrastructure.Tenancy;
using Marten;
using Microsoft.AspNetCore.Authentication;

namespace Kinerja.Api.Auth;

/// <summary>
/// Every authenticated request works in the database of the instansi its token names (the <c>instansi</c> claim, set by the
/// identity provider; docs/decisions/145), and nowhere else: no route or body can name another. With tenancy off the one
/// database serves the default instansi, and a token naming any other is refused. With tenancy on a token must name an
/// instansi of the tenant table. Refusals are 403 problems before any handler runs, so nothing is read or appended.
/// </summary>
public sealed class TenantFromToken(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantScope scope, TenancySettings tenancy, IDocumentStore store)
    {
        // The console's pages read its own cookie (set by its sign-in, decision 135), the API the bearer token.
        var user = context.Request.Path.StartsWithSegments(WebConsole.ConsoleSetup.Base)
            ? (await context.AuthenticateAsync(WebConsole.ConsoleSetup.CookieScheme)).Principal
            : context.User;
        if (user?.Identity?.IsAuthenticated != true || IsConsoleDoor(context.Request.Path))
        {
            await next(context);
            return;
        }

        var named = user.FindFirst(TokenClaims.Instansi)?.Value;
        switch (await TenantCheck.Enter(scope, store, tenancy, named))
        {
            case TenantCheck.Required:
                await Problems.Write(context, StatusCodes.Status403Forbidden, "tenant-required", "Tokens for this service must carry the instansi claim.");
                return;
            case TenantCheck.Unknown when !tenancy.Enabled:
                await Problems.Write(context, StatusCodes.Status403Forbidden, "tenant-unknown", $"This service serves only the instansi '{tenancy.DefaultTenant}'.");
                return;
            case TenantCheck.Unknown:
                await Problems.Write(context, StatusCodes.Status403Forbidden, "tenant-unknown", "The token's instansi is not in the tenant table.");
                return;
        }

        await next(context);
    }

    /// <summary>Pages that read nothing of an instansi: a console cookie without one can still sign out and in again.</summary>
    private static bool IsConsoleDoor(PathString path) =>
        path.StartsWithSegments(WebConsole.ConsoleSetup.Base + "/sign-in") || path.StartsWithSegments(WebConsole.ConsoleSetup.Base + "/sign-out")
        || path.StartsWithSegments(WebConsole.ConsoleSetup.Base + "/denied") || path.StartsWithSegments(WebConsole.ConsoleSetup.Base + "/console.css")
        || path.StartsWithSegments(WebConsole.ConsoleSetup.Base + "/language");
}
