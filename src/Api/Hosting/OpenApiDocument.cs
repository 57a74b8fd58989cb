using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kinerja.Api.Hosting;

public static class OpenApiDocument
{
    public static OpenApiOptions AddKinerjaDocument(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Kinerja API",
                Version = "v1",
                Description = "Performance management of ASN (civil servants) of Pemerintah Kota Ambon: units, employees, appraisal. "
                    + "Errors are RFC 9457 problems with a stable `code`. Writes accept `If-Match` (ETag = stream version) and `Idempotency-Key`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Claims: role (hr-admin, opd-admin, supervisor, employee, auditor, portal), nip where the caller is an ASN, "
                    + "unit for an opd-admin (the unit whose subtree they administer).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (OpenApiExamples.For(context.JsonTypeInfo.Type) is { } example)
            {
                schema.Examples = [example];
            }

            // A query-string instant (docs/decisions/078) is an ISO 8601 date-time with any offset, answered in WIT.
            if (context.JsonTypeInfo.Type == typeof(Http.Instant) || Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) == typeof(Http.Instant))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = "date-time";
                schema.Description = "ISO 8601 with an offset or Z, e.g. 2026-12-31T23:59:59+09:00 (the + may be sent as typed or as %2B).";
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
