using System.Text.Json.Nodes;
using Kinerja.Application.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kinerja.Api.Http.OpenApi;

/// <summary>The document as a whole: its title and how to get a token, the bearer scheme, and the one problem schema every error uses.</summary>
public static class ContractDocument
{
    public const string Problem = "Problem";

    public static Task Transform(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Kinerja",
            Version = "v1",
            Description = """
                Performance management of the ASN (civil servants) of Pemerintah Kota Ambon: units, employees, SKP appraisals, training,
                audit, and the ordered feed of integration events for the provincial HR portal.

                **Getting a token.** Every route needs `Authorization: Bearer <JWT>` with a `role` claim (`hr-admin`, `supervisor`,
                `employee`, `auditor`, `portal`) and, for an ASN, a `nip` claim. In production the tokens come from the identity provider
                named by `Auth:Authority`; on a development machine `scripts/run.sh token --role hr-admin --name budi.bkpsdm` prints one
                signed with the configured key. Each operation lists the roles it allows; handlers further narrow a supervisor to their
                subordinates and an employee to themselves.

                **Conventions.** Errors are RFC 9457 problems with a stable `code` and the `correlationId`. Writes accept `If-Match`
                (the ETag is the stream version) and `Idempotency-Key`. Lists are paged and say when there is more. Every answer carries
                `RateLimit-Limit` and `RateLimit-Reset`; beyond the limit the answer is 429 with `Retry-After`.
                """,
        };

        // The address a client uses depends on the deployment; a server list made from this request's host would mislead.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A signed JWT checked as RFC8725 advises: the algorithm is fixed by the configured key (never `none`), issuer, audience "
                + "and expiry are validated (at most `Auth:MaxTokenLifetime` ahead, 12 hours by default). Claims: `sub` (required), exactly one `role` "
                + "(hr-admin, opd-admin, supervisor, employee, auditor, portal), `nip` where the caller is an ASN, `unit` for an opd-admin (the unit "
                + "whose subtree they administer).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        var seen = new HashSet<OpenApiSchema>();
        foreach (var schema in document.Components.Schemas.Values.Concat(OperationSchemas(document)))
        {
            NullOr(schema, seen);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<IOpenApiSchema?> OperationSchemas(OpenApiDocument document)
    {
        foreach (var path in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                {
                    foreach (var media in response.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                    {
                        yield return media.Schema;
                    }
                }

                foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                {
                    yield return media.Schema;
                }

                foreach (var parameter in operation.Parameters ?? [])
                {
                    yield return parameter.Schema;
                }
            }
        }
    }

    /// <summary>
    /// "null or X" is written <c>anyOf</c>, not <c>oneOf</c>: the generator puts null among an enum's values when its first use is
    /// nullable, so with <c>oneOf</c> a null matched both branches and was refused.
    /// </summary>
    private static void NullOr(IOpenApiSchema? candidate, HashSet<OpenApiSchema> seen)
    {
        if (candidate is not OpenApiSchema schema || !seen.Add(schema))
        {
            return;
        }

        if (schema.OneOf is { Count: 2 } pair && pair.Any(b => b is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            schema.AnyOf = pair;
            schema.OneOf = null;
        }

        var children = (schema.Properties?.Values ?? []).Concat([schema.Items, schema.AdditionalProperties])
            .Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []);
        foreach (var child in children.ToList())
        {
            NullOr(child, seen);
        }
    }

    /// <summary>RFC 9457 with the members this service always sets (<c>code</c>, <c>correlationId</c>) and <c>errors</c> on a validation failure.</summary>
    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Text(int max, string description) => new() { Type = JsonSchemaType.String, MaxLength = max, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. Further members a client can act on may follow (e.g. `remaining` of a training budget).",
            Required = new HashSet<string> { "type", "title", "status", "code", "correlationId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 200, Description = "`urn:kinerja:problem:{code}`" },
                ["title"] = Text(200, "A short, human-readable summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                ["detail"] = Text(2000, "What went wrong with this request."),
                ["instance"] = Text(2000, "The request's path."),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, MaxLength = 100, Pattern = "^[a-z0-9-]+$",
                    Description = "Stable and machine-readable, e.g. `validation-failed`, `nip-already-registered`, `stale-version`.",
                },
                ["correlationId"] = Text(200, "The request's correlation id (`X-Correlation-Id`); quote it when reporting a problem."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "On `validation-failed` and `malformed-request`: the field (or query parameter) and its messages.",
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array, MaxItems = 100,
                        Items = Text(2000, "A message about the field."),
                    },
                },
            },
        };
    }

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [400] = "Malformed JSON, wrong types, failed validation (`errors` per field), or a query value that cannot be read.",
        [401] = "No or invalid bearer token.",
        [403] = "The caller's role may not do this, or not to this record.",
        [404] = "The addressed record (or a unit named in the query) does not exist.",
        [409] = "A domain rule refuses the change (wrong phase, closed cycle, budget exceeded, NIP taken), or the Idempotency-Key was used with another body.",
        [412] = "`If-Match` names a version that is no longer current (or a record that does not exist); nothing was changed.",
        [413] = "The body exceeds `Kinerja:MaxRequestBodyBytes`.",
        [415] = "The body is not `application/json`.",
        [429] = "Too many requests from this caller; retry after `Retry-After` seconds.",
        [500] = "An unexpected error; quote the `correlationId`.",
        [503] = "The database cannot be reached; retry after `Retry-After` seconds.",
    };

    public static OpenApiResponse ProblemResponse(int status, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = Meanings.GetValueOrDefault(status, "A problem."),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, document) },
            },
            Headers = new Dictionary<string, IOpenApiHeader>(RateLimitHeaders()),
        };
        if (status is 429 or 503)
        {
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "3600" },
            };
        }

        return status >= 500 ? WithoutRateLimit(response) : response;
    }

    /// <summary>An unexpected error's answer is written from scratch (the exception handler clears the response's headers).</summary>
    private static OpenApiResponse WithoutRateLimit(OpenApiResponse response)
    {
        response.Headers?.Remove(Http.RateLimitHeaders.Limit);
        response.Headers?.Remove(Http.RateLimitHeaders.Reset);
        return response;
    }

    /// <summary>The headers <see cref="Http.RateLimitHeaders"/> sets on every API answer.</summary>
    public static IReadOnlyDictionary<string, IOpenApiHeader> RateLimitHeaders() => new Dictionary<string, IOpenApiHeader>
    {
        [Http.RateLimitHeaders.Limit] = new OpenApiHeader
        {
            Description = "Requests a caller may make in a burst (the token bucket's size).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "1000000" },
        },
        [Http.RateLimitHeaders.Reset] = new OpenApiHeader
        {
            Description = "Seconds until the bucket is refilled by the next period's permits.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "60" },
        },
    };
}
