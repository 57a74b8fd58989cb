using System.Text.Json;
using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Infrastructure.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kinerja.Api.Http;

/// <summary>RFC 9457 problems. Every one carries a stable <c>code</c>; none carries a stack trace, SQL or a type name.</summary>
public static class Problems
{
    public static string TypeFor(string code) => $"urn:kinerja:problem:{code}";

    /// <summary>The code of a problem written without one (by the framework: 401, 403, 404 of unknown routes, 405, ...).</summary>
    public static string DefaultCode(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        412 => "stale-version",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        503 => "database-unavailable",
        _ => status >= 500 ? "internal-error" : "error",
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.TryGetValue("code", out var code) || code is not string)
        {
            code = DefaultCode(status);
            problem.Extensions["code"] = code;
        }

        problem.Type = TypeFor((string)code);
        problem.Extensions.Remove("traceId");
        problem.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
        Localize(problem, (string)code, context.HttpContext);
    }

    /// <summary>
    /// Title from the catalogue in the caller's language (Indonesian unless English is preferred, docs/decisions/101); in
    /// Indonesian the detail leads with the catalogue's sentence and keeps the occurrence's particulars after "Rincian:".
    /// </summary>
    private static void Localize(ProblemDetails problem, string code, HttpContext context)
    {
        var english = ProblemTexts.WantsEnglish(context.Request);
        var title = ProblemTexts.Title(code, english);
        problem.Title = title;
        problem.Detail = problem.Detail is not { } detail || detail == ProblemTexts.Title(code, english: true) ? title
            : english ? detail
            : $"{title} Rincian: {detail}";
        context.Response.Headers.ContentLanguage = ProblemTexts.Language(english);
    }

    /// <param name="extensions">Further members a client acts on (e.g. <c>remaining</c> of a budget); they cannot replace the standard ones.</param>
    public static async Task Write(
        HttpContext context, int status, string code, string detail, IDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        foreach (var (name, value) in extensions ?? new Dictionary<string, object>())
        {
            problem.Extensions[name] = value;
        }

        problem.Status = status;
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ValidationException validation:
                var errors = validation.Errors
                    .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName.Split('.')[0]) + Rest(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
                await Problems.Write(context, 400, "validation-failed", "One or more fields are not valid.", errors);
                break;
            case BadHttpRequestException bad when QueryParameterProblem.Of(context, bad) is ({ } detail, { } unbound):
                await Problems.Write(context, 400, "malformed-request", detail, unbound);
                break;
            case BadHttpRequestException bad:
                await Problems.Write(context, bad.StatusCode, BadRequestCode(bad.StatusCode), BadRequestDetail(bad));
                break;
            case DomainRuleViolation rule:
                await Problems.Write(context, 409, rule.Code, rule.Message, extensions: rule.Extensions);
                break;
            case NotFound notFound:
                await Problems.Write(context, 404, notFound.Code, notFound.Message);
                break;
            case AccessDenied denied:
                await Problems.Write(context, 403, denied.Code, denied.Message);
                break;
            case ConcurrencyConflict conflict when context.Request.Headers.IfMatch.Count > 0:
                await Problems.Write(context, 412, conflict.Code, conflict.Message);
                break;
            case ConcurrencyConflict conflict:
                logger.LogInformation("A concurrent write to the same record was committed first ({Code})", conflict.Code);
                await Problems.Write(context, 409, "concurrent-modification", conflict.Message);
                break;
            case DuplicateKey duplicate:
                logger.LogInformation("A record with the same key was committed first ({Code})", duplicate.Code);
                await Problems.Write(context, 409, duplicate.Code, duplicate.Message);
                break;
            case var _ when DatabaseFailures.IsLostRace(exception):
                logger.LogInformation("A transaction lost a race in PostgreSQL and was rolled back: {SqlState}", SqlState(exception));
                context.Response.Headers.RetryAfter = "1";
                await Problems.Write(context, 409, "concurrent-modification", "Another change to this record was being committed at the same time; retry.");
                break;
            case var _ when DatabaseFailures.IsUnavailable(exception):
                logger.LogWarning(exception, "PostgreSQL unavailable");
                context.Response.Headers.RetryAfter = "5";
                await Problems.Write(context, 503, "database-unavailable", "The database cannot be reached; retry later.");
                break;
            default:
                logger.LogError(exception, "Unhandled exception");
                await Problems.Write(context, 500, "internal-error", "An unexpected error occurred; quote the correlation id when reporting it.");
                break;
        }

        return true;
    }

    private static string? SqlState(Exception? ex) => ex switch
    {
        null => null,
        Npgsql.PostgresException pg => pg.SqlState,
        _ => SqlState(ex.InnerException),
    };

    private static string Rest(string path) => path.Contains('.') ? path[path.IndexOf('.')..] : "";

    private static string BadRequestCode(int status) => status == 400 ? "malformed-request" : Problems.DefaultCode(status);

    /// <summary>Framework messages name internal types; only the JSON path of a body error is passed on.</summary>
    private static string BadRequestDetail(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: 413 } => "The request body exceeds the size limit.",
        { StatusCode: 415 } => "Send the body as application/json.",
        { InnerException: JsonException { Path: { } path } } => $"The body is not valid JSON or a value has the wrong type (at {path}).",
        { InnerException: JsonException } => "The body is not valid JSON.",
        _ when bad.Message.StartsWith("If-Match", StringComparison.Ordinal) || bad.Message.StartsWith("Idempotency-Key", StringComparison.Ordinal) => bad.Message,
        _ when bad.Message.Contains("Required parameter", StringComparison.Ordinal) || bad.Message.Contains("Failed to read parameter", StringComparison.Ordinal)
            => "A required value is missing or the body is not valid JSON.",
        _ => "The request could not be read.",
    };
}
