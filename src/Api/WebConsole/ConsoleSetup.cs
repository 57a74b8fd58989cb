using System.Security.Claims;
using Kinerja.Api.Auth;
using Kinerja.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// The browser console for auditors and BKPSDM under <c>/console</c> (decision 133): server-rendered Razor Pages, signed in with a
/// cookie issued after the OpenID Connect code flow when <c>Auth:Authority</c> is set, or after a development sign-in that picks a
/// role when it is not and the host runs in Development (decision 135). The API itself keeps accepting bearer tokens only.
/// </summary>
public static class ConsoleSetup
{
    public const string Base = "/console";
    public const string CookieScheme = "console";
    public const string OidcScheme = "console-oidc";
    public const string Policy = "console";

    public static IServiceCollection AddKinerjaConsole(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = AuthSettings.From(configuration);
        var oidc = !string.IsNullOrWhiteSpace(settings.Authority);
        services.AddSingleton(new ConsoleSignIn(oidc, !oidc && environment.IsDevelopment()));
        var authentication = services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "kinerja-console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.Path = Base;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.LoginPath = Base + "/sign-in";
            // Not the sign-in page: with a provider it would sign the same role-less account in again, for ever.
            o.AccessDeniedPath = Base + "/denied";
            if (oidc)
            {
                o.ForwardChallenge = OidcScheme;
            }
        });
        if (oidc)
        {
            authentication.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = configuration["Console:ClientId"] ?? "kinerja-console";
                o.ClientSecret = configuration["Console:ClientSecret"];
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SignInScheme = CookieScheme;
                o.CallbackPath = Base + "/signin-oidc";
                o.SignedOutCallbackPath = Base + "/signout-callback-oidc";
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.ClaimActions.MapJsonKey("role", "role");
                o.ClaimActions.MapUniqueJsonKey("nip", "nip");
                o.ClaimActions.MapUniqueJsonKey(TokenClaims.Instansi, TokenClaims.Instansi);
                o.RequireHttpsMetadata = !environment.IsDevelopment();
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireClaim("role", Roles.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/WebConsole";
            o.Conventions.AuthorizeFolder("/", Policy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Denied");
        });
        services.AddScoped<ConsoleText>();
        services.AddScoped<ConsoleAccess>();
        services.AddScoped<ConsoleReads>();
        return services;
    }

    public static WebApplication MapKinerjaConsole(this WebApplication app)
    {
        app.MapRazorPages();
        var console = app.MapGroup(Base);
        console.MapGet("/console.css", () => Results.Text(ConsoleStyle.Css, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        console.MapGet("/language", (string? to, string? back, HttpContext http) =>
            {
                http.Response.Cookies.Append(ConsoleText.Cookie, to == "en" ? "en" : "id",
                    new CookieOptions { Path = Base, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
                return Results.LocalRedirect(back is not null && back.StartsWith(Base, StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal) ? back : Base);
            })
            .AllowAnonymous().ExcludeFromDescription();
        console.MapGet("/employees/{nip}/history.csv", EmployeeHistoryCsv.Write).RequireAuthorization(Policy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Console responses forbid scripts, frames and foreign resources: the pages need none (decision 133).</summary>
    public static WebApplication UseKinerjaConsoleHeaders(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Base), branch => branch.Use(async (http, next) =>
        {
            http.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            http.Response.Headers.CacheControl = "no-store";
            await next(http);
        }));
        return app;
    }

    /// <summary>A console user as the API's tokens carry one: <c>sub</c>, <c>name</c>, <c>role</c> and, for an ASN, <c>nip</c>.</summary>
    public static ClaimsPrincipal Principal(string role, string name, string? nip, string? instansi = null)
    {
        var claims = new List<Claim> { new("sub", name), new("name", name), new("role", role) };
        if (!string.IsNullOrWhiteSpace(nip))
        {
            claims.Add(new Claim("nip", nip));
        }

        if (!string.IsNullOrWhiteSpace(instansi))
        {
            claims.Add(new Claim(TokenClaims.Instansi, instansi));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme, "name", "role"));
    }

    public static Task SignIn(HttpContext http, ClaimsPrincipal user) => http.SignInAsync(CookieScheme, user);
}

/// <summary>How the console signs people in: through the identity provider, through the development form, or (neither) not at all.</summary>
public sealed record ConsoleSignIn(bool Oidc, bool Development);
