using Kinerja.Api.Auth;
using Kinerja.Domain;
using Kinerja.Application.Common;

namespace Kinerja.Api.Http;

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public const string ReasonHeader = "X-Reason";

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request in scope.");

    public Actor Actor
    {
        get
        {
            var user = Context.User;
            // A caller holding several roles acts with the most capable one, in the order Roles.All lists them.
            var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "";
            var account = user.FindFirst("sub")?.Value;
            return new Actor(user.FindFirst("nip")?.Value, account, role, user.FindFirst("name")?.Value ?? account ?? "anonymous");
        }
    }

    public string? UnitCode => Context.User.FindFirst(TokenClaims.Unit)?.Value is { Length: > 0 } unit ? unit.Trim().ToUpperInvariant() : null;

    public string CorrelationId => Context.TraceIdentifier;

    public long? IfMatch => Versions.IfMatch(Context.Request);

    public string? Reason => Context.Request.Headers[ReasonHeader] is { Count: > 0 } reason ? reason.ToString()[..Math.Min(500, reason.ToString().Length)] : null;
}
