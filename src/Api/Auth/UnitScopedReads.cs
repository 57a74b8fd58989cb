using Kinerja.Application.Units;

namespace Kinerja.Api.Auth;

/// <summary>
/// The one rule of a unit-wide read (docs/decisions/093): the unit the route or query names must be within the caller's
/// <see cref="UnitScope"/>; a route whose unit is optional reads every unit only for the roles that read everything.
/// Checked before the handler runs, so a refused caller learns nothing about the unit.
/// </summary>
public static class UnitScopedReads
{
    public static RouteHandlerBuilder ScopedToUnit(this RouteHandlerBuilder builder, string parameter) =>
        builder.WithMetadata(new UnitScopedRead(parameter)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var code = http.Request.RouteValues.TryGetValue(parameter, out var routed) ? routed?.ToString() : http.Request.Query[parameter].FirstOrDefault();
            await http.RequestServices.GetRequiredService<UnitScope>().EnsureCovers(string.IsNullOrWhiteSpace(code) ? null : code, http.RequestAborted);
            return await next(context);
        });
}

/// <summary>Marks a read as unit-scoped, so a reader outside the route's own request (the console) applies the same rule.</summary>
public sealed record UnitScopedRead(string Parameter);
