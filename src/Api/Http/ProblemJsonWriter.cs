using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Kinerja.Api.Http;

/// <summary>
/// The last resort of the problem writers: the framework's own writer declines when the caller's <c>Accept</c> names
/// neither JSON nor problem+json (<c>text/csv</c>, <c>application/xml</c>), and the error then became a 500 with a stack
/// trace. An error is always answered as <c>application/problem+json</c>, whatever was asked for (RFC 9110 §12.1 allows a
/// response the client did not list).
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted);
    }
}
