using System.Security.Claims;
using Kinerja.Application.Common;

namespace Kinerja.Api.Http;

/// <param name="PortalIfConfigured">Registry data: the portal may write it only where the province decided so (<c>Kinerja:Access:PortalWritesRegistry</c>).</param>
public sealed record RouteAccess(string Method, string Pattern, IReadOnlyList<string> Roles, bool PortalIfConfigured = false);

/// <summary>
/// Who may call each route at all, role by route (docs/access-policy.md shows the same table; docs/decisions/129). A route that is not in
/// the table is refused to everyone, and a test fails for it. Rules that depend on data (a supervisor's own subordinates, an employee's own
/// records, the rater of an appraisal) stay in the handlers, on top of this. A new role is a new entry in the rows that admit it.
/// The portal writes what a portal writes: public feedback, its webhook subscriptions, and registry data only where configured; never money
/// (training grants and budgets), employment ends, transfers, supervisor changes or unit renames, and it does not read the city-wide
/// ranking or talent grid.
/// </summary>
public static class AccessPolicy
{
    public const string PortalWritesRegistrySetting = "Kinerja:Access:PortalWritesRegistry";

    private const string H = Roles.HrAdmin;
    private const string S = Roles.Supervisor;
    private const string E = Roles.Employee;
    private const string A = Roles.Auditor;
    private const string P = Roles.Portal;
    private const string O = Roles.OpdAdmin;

    public static readonly IReadOnlyList<RouteAccess> Table =
    [
        new("DELETE", "/api/v1/webhook-subscriptions/{id:guid}", [H, P]),
        new("GET", "/api/v1/audit/cycles/{id:guid}/separation-of-duties", [H, A]),
        new("GET", "/api/v1/audit/digests", [H, A]),
        new("GET", "/api/v1/audit/digests/verification", [A]),
        new("GET", "/api/v1/audit/employees/{nip}/as-of", [H, A]),
        new("GET", "/api/v1/audit/employees/{nip}/history", [H, A]),
        new("GET", "/api/v1/audit/employees/{nip}/verification", [A]),
        new("GET", "/api/v1/audit/late-entries", [H, A]),
        new("GET", "/api/v1/cycles/", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/appraisals/", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/plan", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/plan/versions/{version:int}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/realisations/{id:guid}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/award-candidates", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/support-needs", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/units/{code}/award-candidates", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/units/{code}/distribution", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{cycleId:guid}/units/{code}/support-needs", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{id:guid}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/cycles/{id:guid}/progress", [H, S, E, A, O]),
        new("GET", "/api/v1/cycles/{id:guid}/ranking", [H, S, E, A, O]),
        new("GET", "/api/v1/cycles/{id:guid}/talent-grid", [H, S, E, A, O]),
        new("GET", "/api/v1/cycles/{id:guid}/tpp-basis", [H, S, E, A, P, O]),
        new("GET", "/api/v1/documents/{hash}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/contracts-ending", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/follow-ups", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/jp-ledger", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/placement-recommendations", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/strengths-weaknesses", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/subordinates", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/supervisor", [H, S, E, A, P, O]),
        new("GET", "/api/v1/employees/{nip}/training-needs", [H, S, E, A, P, O]),
        new("GET", "/api/v1/feed", [H, P, A]),
        new("GET", "/api/v1/imports/{id}", [H, A]),
        new("GET", "/api/v1/positions/", [H, S, E, A, P, O]),
        new("GET", "/api/v1/positions/{code}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/positions/{code}/candidates", [H, S, E, A, P, O]),
        new("GET", "/api/v1/training-grants/", [H, S, E, A, P, O]),
        new("GET", "/api/v1/training-grants/{id:guid}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/training-partners/", [H, A, P]),
        new("GET", "/api/v1/training-partners/{id:guid}", [H, A, P]),
        new("GET", "/api/v1/training-partners/{id:guid}/covered-needs", [H, A, P]),
        new("GET", "/api/v1/units/", [H, S, E, A, P, O]),
        new("GET", "/api/v1/units/{code}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/units/{code}/jp-shortfalls", [H, S, E, A, P, O]),
        new("GET", "/api/v1/units/{code}/training-budgets/{year:int}", [H, S, E, A, P, O]),
        new("GET", "/api/v1/webhook-subscriptions/", [H, P, A]),
        new("GET", "/api/v1/webhook-subscriptions/{id:guid}", [H, P, A]),
        new("GET", "/api/v1/webhook-subscriptions/{id:guid}/failed-deliveries", [H, P, A]),
        new("GET", "/api/v1/worklist", [S, E]),
        new("POST", "/api/v1/cycles/", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisal-openings", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/documents/evaluasi-kinerja", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/documents/skp", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/evaluation", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/evaluation/approval", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/evaluation/return", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/excusal", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/expectations", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/feedback", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/plan/agreement", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/plan/drafts", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/plan/return", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/plan/submission", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/public-feedback", [H, P]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/rater-resolution", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/realisations", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/appraisals/{nip}/realisations/{id:guid}/corrections", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/units/{code}/distribution/justification", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/units/{code}/documents/penetapan-predikat", [H, S, E]),
        new("POST", "/api/v1/cycles/{cycleId:guid}/units/{code}/result", [H, S, E]),
        new("POST", "/api/v1/cycles/{id:guid}/closure", [H, S, E]),
        new("POST", "/api/v1/cycles/{id:guid}/evaluation", [H, S, E]),
        new("POST", "/api/v1/cycles/{id:guid}/start", [H, S, E]),
        new("POST", "/api/v1/employees/", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/employees/{nip}/acting-officials", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/employees/{nip}/awards", [H, S, E]),
        new("POST", "/api/v1/employees/{nip}/competency-assessments", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/employees/{nip}/contracts", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/employees/{nip}/employment-ending", [H, O]),
        new("POST", "/api/v1/employees/{nip}/nip-corrections", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/employees/{nip}/supervisor-changes", [H, O]),
        new("POST", "/api/v1/employees/{nip}/support-plans", [H, S, E]),
        new("POST", "/api/v1/employees/{nip}/support-plans/{cycleId:guid}/completion", [H, S, E]),
        new("POST", "/api/v1/employees/{nip}/transfers", [H, O]),
        new("POST", "/api/v1/imports/", [H, O]),
        new("POST", "/api/v1/positions/", [H], PortalIfConfigured: true),
        new("POST", "/api/v1/positions/{code}/requirements", [H], PortalIfConfigured: true),
        new("POST", "/api/v1/positions/{code}/retirement", [H], PortalIfConfigured: true),
        new("POST", "/api/v1/positions/{code}/vacancies", [H], PortalIfConfigured: true),
        new("POST", "/api/v1/training-grants/", [H, S, E]),
        new("POST", "/api/v1/training-grants/{id:guid}/approval", [H]),
        new("POST", "/api/v1/training-grants/{id:guid}/cancellation", [H, S, E]),
        new("POST", "/api/v1/training-grants/{id:guid}/completion", [H]),
        new("POST", "/api/v1/training-grants/{id:guid}/rejection", [H]),
        new("POST", "/api/v1/training-grants/{id:guid}/schedule", [H]),
        new("POST", "/api/v1/training-partners/", [H]),
        new("POST", "/api/v1/training-partners/{id:guid}/agreement-ending", [H]),
        new("POST", "/api/v1/training-partners/{id:guid}/amendments", [H]),
        new("POST", "/api/v1/units/", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/units/{code}/head-assignments", [H, O], PortalIfConfigured: true),
        new("POST", "/api/v1/units/{code}/renaming", [H, O]),
        new("POST", "/api/v1/units/{code}/training-budgets/{year:int}", [H]),
        new("POST", "/api/v1/units/{code}/training-budgets/{year:int}/adjustments", [H]),
        new("POST", "/api/v1/webhook-subscriptions/", [H, P]),
        new("POST", "/api/v1/webhook-subscriptions/{id:guid}/pausing", [H, P]),
        new("POST", "/api/v1/webhook-subscriptions/{id:guid}/replay", [H, P]),
        new("POST", "/api/v1/webhook-subscriptions/{id:guid}/resumption", [H, P]),
    ];

    private static readonly Dictionary<string, RouteAccess> ByRoute = Table.ToDictionary(r => Key(r.Method, r.Pattern));

    public static string Key(string method, string pattern) => $"{method} {pattern}";

    public static RouteAccess? For(string method, string pattern) => ByRoute.GetValueOrDefault(Key(method, pattern));

    /// <summary>The table as docs/access-policy.md shows it, one line per route, a column per role in the order of <see cref="Roles.All"/>.</summary>
    public static IEnumerable<string> MarkdownRows() => Table.Select(r => $"| {r.Method} | `{r.Pattern}` | "
        + string.Join(" | ", Roles.All.Select(role => r.Roles.Contains(role) ? "yes" : role == P && r.PortalIfConfigured ? "if configured" : "no")) + " |");

    /// <summary>
    /// A question about a route asked outside that route's own request: the console asks it of the API read behind a section before
    /// reading through the same query (docs/decisions/134), so the table answers there exactly as it does for the API.
    /// </summary>
    public sealed record RouteQuestion(string Method, RouteEndpoint Endpoint, HttpContext Http);

    /// <summary>Whether the caller's one role may call the route the request was matched to.</summary>
    public static bool Allows(HttpContext http, ClaimsPrincipal user) =>
        http.GetEndpoint() is RouteEndpoint endpoint && Allows(new RouteQuestion(http.Request.Method, endpoint, http), user);

    /// <summary>Whether the caller's one role may call the route asked about.</summary>
    public static bool Allows(RouteQuestion question, ClaimsPrincipal user)
    {
        if (For(question.Method, question.Endpoint.RoutePattern.RawText ?? "") is not { } route)
        {
            return false;
        }

        var role = user.FindFirst("role")?.Value;
        if (role == P && route.PortalIfConfigured)
        {
            return question.Http.RequestServices.GetRequiredService<IConfiguration>().GetValue(PortalWritesRegistrySetting, false);
        }

        return role is not null && route.Roles.Contains(role);
    }
}
