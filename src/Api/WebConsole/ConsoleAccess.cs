using Microsoft.AspNetCore.Authorization;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// Whether the signed-in user may read an API route, decided by that route's own authorization metadata (its policies and
/// roles as mapped), so a console page never shows what the role could not read through the API (decision 134). The
/// application queries the pages send then apply their own checks (e.g. audit reads) exactly as for the API.
/// </summary>
public sealed class ConsoleAccess(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    /// <param name="pattern">The API route's pattern as mapped, e.g. <c>/api/v1/audit/employees/{nip}/history</c>; see <see cref="ApiReads"/>.</param>
    public async Task<bool> Allows(HttpContext http, string pattern)
    {
        var endpoint = Find(pattern);
        var policy = await AuthorizationPolicy.CombineAsync(
            policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        // The route's policies see the question about that route, not the console's own request (the access table reads the route from it).
        return policy is null || (await authorization.AuthorizeAsync(http.User, new Http.AccessPolicy.RouteQuestion(HttpMethods.Get, endpoint, http), policy)).Succeeded;
    }

    /// <summary>Whether the API read is narrowed to the caller's units (<see cref="Auth.UnitScopedReads"/>), which no policy says.</summary>
    public bool IsUnitScoped(string pattern) => Find(pattern).Metadata.GetMetadata<Auth.UnitScopedRead>() is not null;

    /// <summary>The GET endpoint mapped with the pattern; a pattern that names none is a bug in the console, not a refusal.</summary>
    public RouteEndpoint Find(string pattern) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().SingleOrDefault(e => e.RoutePattern.RawText == pattern
            && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
        ?? throw new InvalidOperationException($"No API read is mapped as {pattern}.");
}

/// <summary>The API reads behind the console's sections, by their mapped patterns.</summary>
public static class ApiReads
{
    private const string Api = Http.Routes.Base;
    public const string Employee = Api + "/employees/{nip}";
    public const string History = Api + "/audit/employees/{nip}/history";
    public const string AsOf = Api + "/audit/employees/{nip}/as-of";
    public const string Verification = Api + "/audit/employees/{nip}/verification";
    public const string Cycles = Api + "/cycles/";
    public const string Cycle = Api + "/cycles/{id:guid}";
    public const string Units = Api + "/units/";
    public const string Distribution = Api + "/cycles/{cycleId:guid}/units/{code}/distribution";
    public const string Ranking = Api + "/cycles/{id:guid}/ranking";
    public const string SeparationOfDuties = Api + "/audit/cycles/{id:guid}/separation-of-duties";
    public const string LateEntries = Api + "/audit/late-entries";
    public const string AwardCandidates = Api + "/cycles/{cycleId:guid}/units/{code}/award-candidates";
    public const string SupportNeeds = Api + "/cycles/{cycleId:guid}/units/{code}/support-needs";

    public static IReadOnlyList<string> All =>
        [Employee, History, AsOf, Verification, Cycles, Cycle, Units, Distribution, Ranking, SeparationOfDuties, LateEntries, AwardCandidates, SupportNeeds];
}
