using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Api.Auth;
using Kinerja.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kinerja.Api.Http.OpenApi;

/// <summary>
/// What every operation says, derived from the endpoint rather than written per route, so a new route is described correctly
/// by default: an operationId, a short summary and the long description, the roles allowed, every problem it can answer
/// (with the problem schema), the rate-limit headers, and JSON next to CSV where a read offers both (docs/decisions/107).
/// </summary>
public static class ContractOperations
{
    public static async Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var api = context.Description;
        var method = (api.HttpMethod ?? "GET").ToUpperInvariant();
        var path = "/" + (api.RelativePath ?? "").Split('?')[0].TrimStart('/');
        var metadata = api.ActionDescriptor.EndpointMetadata;

        operation.OperationId = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName ?? OperationId(method, path);
        var template = "/" + (api.ActionDescriptor.AttributeRouteInfo?.Template ?? path).TrimStart('/');
        var roles = await AllowedRoles(metadata, method, template, context.ApplicationServices);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        Describe(operation, roles);

        PathParameters(operation, path);
        OptionalQueryLists(operation);
        operation.Responses ??= [];
        await Successes(operation, metadata, context, ct);
        var hasQuery = api.ParameterDescriptions.Any(p => p.Source.Id == "Query");
        var hasBody = operation.RequestBody is not null;
        var addressed = path.Contains('{', StringComparison.Ordinal);
        var statuses = new List<int> { 401, 403, 429, 500, 503 };
        // A route value is input too: text PostgreSQL cannot store is refused with 400 before the endpoint runs (decision 121).
        if (hasQuery || method != "GET" || addressed)
        {
            statuses.Add(400);
        }

        if (addressed || hasQuery)
        {
            statuses.Add(404);
        }

        if (method is "POST" or "DELETE")
        {
            statuses.Add(409);
        }

        if (method == "POST" && addressed)
        {
            statuses.Add(412);
        }

        if (hasBody)
        {
            statuses.AddRange([413, 415]);
        }

        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(Code(status), new OpenApiResponse());
        }

        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (int.TryParse(code, out var status) && status >= 400)
            {
                operation.Responses[code] = ContractDocument.ProblemResponse(status, context.Document);
            }
            else if (response is OpenApiResponse ok && code.StartsWith('2'))
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                foreach (var (name, header) in ContractDocument.RateLimitHeaders())
                {
                    ok.Headers.TryAdd(name, header);
                }
            }
        }
    }

    /// <summary>A route value the handler reads from the route itself (not as a parameter) is still a parameter of the operation.</summary>
    private static void PathParameters(OpenApiOperation operation, string path)
    {
        operation.Parameters ??= [];
        foreach (var name in path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':')[0]))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 8192 },
                });
            }
        }
    }

    /// <summary>
    /// A list in the query string (<c>?type=a&amp;type=b</c>) is bound as an empty list when it is left out, so it is never required;
    /// the generated request delegates mark a nullable array as required all the same.
    /// </summary>
    private static void OptionalQueryLists(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>()
                     .Where(p => p.In == ParameterLocation.Query && p.Schema?.Type is { } type && type.HasFlag(JsonSchemaType.Array)))
        {
            parameter.Required = false;
        }
    }

    /// <summary>
    /// A typed JSON body for every success a route declares; a CSV or PDF answer is an additional media type beside it
    /// (the route declares both: <c>Produces&lt;T&gt;()</c> and <c>Produces(200, "text/csv")</c>), never its replacement.
    /// </summary>
    private static async Task Successes(OpenApiOperation operation, IList<object> metadata, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var group in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode is >= 200 and < 300).GroupBy(p => p.StatusCode))
        {
            var code = Code(group.Key);
            if (operation.Responses![code] is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = "Success" };
                operation.Responses[code] = response;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var declared in group)
            {
                foreach (var contentType in declared.ContentTypes.DefaultIfEmpty("application/json"))
                {
                    var mediaType = contentType.Split(';')[0].Trim();
                    if (declared.Type is { } type && type != typeof(void) && mediaType.EndsWith("json", StringComparison.Ordinal))
                    {
                        response.Content.TryAdd(mediaType, new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(type, null, ct) });
                    }
                    else if (mediaType == "text/csv")
                    {
                        response.Content[mediaType] = new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Description = "RFC 4180 CSV, a header row first; asked for with `format=csv` or `Accept: text/csv`.",
                            },
                        };
                    }
                    else if (mediaType == "application/pdf")
                    {
                        response.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                    }
                }
            }

            if (response.Content.Count == 0)
            {
                response.Content = null;
            }
        }
    }

    /// <summary>The roles the route's authorization policies let through (handlers narrow supervisors and employees to their own people).</summary>
    private static async Task<IReadOnlyList<string>> AllowedRoles(IList<object> metadata, string method, string template, IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        IEnumerable<string> allowed = Roles.All;
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            if (data.Policy == AuthSetup.AuditorsReadOnly)
            {
                allowed = method is "GET" or "HEAD" ? allowed : allowed.Where(r => r != Roles.Auditor);
                continue;
            }

            if (data.Policy == AuthSetup.RouteTable)
            {
                // The access table (docs/access-policy.md): the portal is listed where the province may let it write registry data.
                var row = AccessPolicy.For(method, template);
                allowed = row is null ? [] : allowed.Where(r => row.Roles.Contains(r) || (r == Roles.Portal && row.PortalIfConfigured));
                continue;
            }

            allowed = Narrow(allowed, data.Policy is null ? await provider.GetDefaultPolicyAsync() : await provider.GetPolicyAsync(data.Policy));
            if (data.Roles is { Length: > 0 } named)
            {
                allowed = allowed.Intersect(named.Split(',', StringSplitOptions.TrimEntries));
            }
        }

        // RequireAuthorization(p => p.RequireRole(...)) puts the policy itself on the endpoint.
        foreach (var policy in metadata.OfType<AuthorizationPolicy>())
        {
            allowed = Narrow(allowed, policy);
        }

        return allowed.ToList();
    }

    private static IEnumerable<string> Narrow(IEnumerable<string> allowed, AuthorizationPolicy? policy)
    {
        foreach (var requirement in policy?.Requirements ?? [])
        {
            allowed = requirement switch
            {
                RolesAuthorizationRequirement roles => allowed.Intersect(roles.AllowedRoles),
                ClaimsAuthorizationRequirement { ClaimType: "role", AllowedValues: { } values } => allowed.Intersect(values),
                _ => allowed,
            };
        }

        return allowed;
    }

    /// <summary>A short summary (the reference page's name of the operation); the whole sentence and the roles in the description.</summary>
    private static void Describe(OpenApiOperation operation, IReadOnlyList<string> roles)
    {
        var text = string.IsNullOrWhiteSpace(operation.Description) ? operation.Summary ?? "" : $"{operation.Summary}\n\n{operation.Description}";
        operation.Summary = Short(operation.Summary ?? operation.OperationId ?? "");
        operation.Description = $"{text}\n\n**Roles:** {string.Join(", ", roles.Select(r => $"`{r}`"))}.".Trim();
    }

    public static string Short(string sentence)
    {
        var end = sentence.IndexOfAny(['.', ';', ':', '(', ',']);
        var first = (end > 0 ? sentence[..end] : sentence).Trim();
        const int max = 48;
        if (first.Length <= max)
        {
            return first;
        }

        var space = first.LastIndexOf(' ', max);
        return first[..(space > 0 ? space : max)].TrimEnd() + "…";
    }

    /// <summary><c>POST /api/v1/employees/{nip}/transfers</c> → <c>postEmployeesTransfers</c>; a trailing parameter adds <c>By</c> and its name.</summary>
    public static string OperationId(string method, string path)
    {
        var segments = path[Routes.Base.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in segments.Where(s => !s.StartsWith('{')))
        {
            id.Append(Pascal(segment));
        }

        if (segments.Length > 0 && segments[^1].StartsWith('{'))
        {
            id.Append("By").Append(Pascal(segments[^1].Trim('{', '}').Split(':')[0]));
        }

        return id.ToString();
    }

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Code(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
