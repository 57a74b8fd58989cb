using Kinerja.Application.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Api.Auth;

public static class AuthSetup
{
    /// <summary>hr-admin and the portal's service account write; everyone else reads (auditors only read).</summary>
    public const string Writers = "writers";

    /// <summary>hr-admin alone: money (training budgets) is not delegated to the portal.</summary>
    public const string HrAdminOnly = "hr-admin-only";
    /// <summary>hr-admin, the portal and auditors: the roles that read every record (the integration feed, webhook subscriptions).</summary>
    public const string ReadAll = "read-all";

    /// <summary>
    /// A unit's evaluation views (distribution, support needs, award candidates): hr-admin and auditors for every unit, and the roles a
    /// <see cref="Kinerja.Application.Units.UnitScope"/> can reach a unit with (opd-admin, a head as supervisor or employee), then held
    /// to that scope per route (<see cref="UnitScopedReads.ScopedToUnit"/>). The portal is not among them.
    /// </summary>
    public const string UnitReaders = "unit-readers";

    /// <summary>
    /// The registry (employees, units): hr-admin and the portal everywhere, an opd-admin within their unit's subtree
    /// (held to it by <see cref="Kinerja.Application.Units.RegistryScopeBehaviour{TMessage, TResponse}"/>).
    /// </summary>
    public const string RegistryWriters = "registry-writers";

    /// <summary>
    /// On every API route: an auditor's write is refused before binding or lookups, so it is 403 on every write route
    /// (never a 400 or 404 that would tell them something about the request) and no handler ever runs for it.
    /// </summary>
    public const string AuditorsReadOnly = "auditors-read-only";

    /// <summary>On every API route: the role must be admitted to the route by the access table (<see cref="Http.AccessPolicy"/>).</summary>
    public const string RouteTable = "route-table";

    public static IServiceCollection AddKinerjaAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = AuthSettings.From(configuration);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (!string.IsNullOrWhiteSpace(settings.Authority))
            {
                o.Authority = settings.Authority;
            }

            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = settings.Key(),
                ValidateIssuerSigningKey = true,
                NameClaimType = "name",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = c => TokenRules.Check(c, settings.MaxTokenLifetime) };
        });
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireClaim("role", Roles.All).Build())
            .AddPolicy(Writers, p => p.RequireRole(Roles.HrAdmin, Roles.Portal))
            .AddPolicy(UnitReaders, p => p.RequireRole(Roles.HrAdmin, Roles.Auditor, Roles.OpdAdmin, Roles.Supervisor, Roles.Employee))
            .AddPolicy(RegistryWriters, p => p.RequireRole(Roles.HrAdmin, Roles.Portal, Roles.OpdAdmin))
            .AddPolicy(HrAdminOnly, p => p.RequireRole(Roles.HrAdmin))
            .AddPolicy(ReadAll, p => p.RequireRole(Roles.HrAdmin, Roles.Portal, Roles.Auditor))
            .AddPolicy(RouteTable, p => p.RequireAssertion(c => c.Resource switch
            {
                Http.AccessPolicy.RouteQuestion question => Http.AccessPolicy.Allows(question, c.User),
                HttpContext http => Http.AccessPolicy.Allows(http, c.User),
                _ => false,
            }))
            .AddPolicy(AuditorsReadOnly, p => p.RequireAssertion(c =>
                !(c.User.IsInRole(Roles.Auditor) && c.Resource is HttpContext http && !HttpMethods.IsGet(http.Request.Method)
                    && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))));
        return services;
    }
}
