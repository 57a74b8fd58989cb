using System.Reflection;
using Kinerja.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kinerja.Api.Http;

/// <summary>
/// The one convention of a command route: POST; the command is built from the route's values (bound by name into
/// <c>TRoute</c>) and the body; If-Match reaches the write path through the request context; the answer is the resource as
/// read back after the commit, with its ETag, optionally its Location (201 for a creation); the standard problems are
/// declared once, by the answer's type. A route maps one of these handlers where it is written,
/// <c>group.MapPost(pattern, CommandRoutes.Command(...).Handle)</c>: the call names concrete types there, so the Request
/// Delegate Generator builds its delegate at compile time instead of the host at start (docs/decisions/165).
/// </summary>
public static class CommandRoutes
{
    public static CommandRoute<TRoute, TBody, TView> Command<TRoute, TBody, TView>(
        Func<TRoute, TBody, ICommand<Written>> command, Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location = null)
        where TBody : notnull => new(command, answer, location);

    /// <summary>As <see cref="Command{TRoute, TBody, TView}(Func{TRoute, TBody, ICommand{Written}}, Func{TRoute, Written, IQuery{Versioned{TView}}}, Func{TRoute, Written, string}?)"/>, with a body that may be left out.</summary>
    public static OptionalBodyRoute<TRoute, TBody, TView> CommandOptionalBody<TRoute, TBody, TView>(
        Func<TRoute, TBody?, ICommand<Written>> command, Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location = null)
        where TBody : class => new(command, answer, location);

    public static CommandRoute<TRoute, TView> Command<TRoute, TView>(
        Func<TRoute, ICommand<Written>> command, Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location = null) =>
        new(command, answer, location);

    /// <summary>A command answered from what it wrote (no read back), with the written version as the ETag.</summary>
    public static WrittenRoute<TRoute, TBody, TView> Command<TRoute, TBody, TView>(
        Func<TRoute, TBody, ICommand<Written>> command, Func<TRoute, TBody, Written, TView> answer)
        where TBody : notnull => new(command, answer);

    /// <summary>A command whose own answer is the response (a receipt), not a resource read back.</summary>
    public static ReceiptRoute<TRoute, TBody, TResult> Command<TRoute, TBody, TResult>(Func<TRoute, TBody, ICommand<TResult>> command)
        where TBody : notnull where TResult : notnull => new(command);

    /// <summary>A creation whose body is the command itself: 201 with the created resource read back, its ETag and Location.</summary>
    public static CreationRoute<TCommand, TView> Creation<TCommand, TView>(Func<Written, IQuery<Versioned<TView>>> answer, Func<Written, string> location)
        where TCommand : ICommand<Written> => new(answer, location);

    /// <summary>A read of one record: its query built from the route's values, answered with the record and its version as the ETag.</summary>
    public static ReadRoute<TRoute, TView> Read<TRoute, TView>(Func<TRoute, IQuery<Versioned<TView>>> query) => new(query);

    /// <summary>The problems every command route can answer with, for a route that writes its own answer.</summary>
    public static RouteHandlerBuilder Declare<TView>(this RouteHandlerBuilder route, bool created) =>
        route.WithMetadata([.. Declared(typeof(TView), created ? CreationAnswer.Status : CommandAnswer.Status, CommandAnswer.Problems)]);

    /// <summary>What <c>Produces&lt;T&gt;(status)</c> and <c>ProducesProblem(status)</c> declare, in that order.</summary>
    internal static IEnumerable<object> Declared(Type view, int status, params int[] problems) =>
        [
            new ProducesResponseTypeMetadata(status, view, ["application/json"]),
            .. problems.Select(p => new ProducesResponseTypeMetadata(p, typeof(ProblemDetails), ["application/problem+json"])),
        ];

    internal static async Task<IResult> Answer<TRoute, TView>(
        HttpContext http, IMediator mediator, TRoute route, Written written, Func<TRoute, Written, IQuery<Versioned<TView>>> answer,
        Func<TRoute, Written, string>? location, bool created, CancellationToken ct)
    {
        var read = await mediator.Send(answer(route, written), ct);
        http.Response.Headers.ETag = Versions.ETag(read.Version);
        if (location is null)
        {
            return TypedResults.Ok(read.Value);
        }

        var at = location(route, written);
        if (created)
        {
            return TypedResults.Created(at, read.Value);
        }

        http.Response.Headers.Location = at;
        return TypedResults.Ok(read.Value);
    }
}

public sealed class CommandRoute<TRoute, TBody, TView>(
    Func<TRoute, TBody, ICommand<Written>> command, Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location)
    where TBody : notnull
{
    public async Task<Answer<TView, CommandAnswer>> Handle([AsParameters] TRoute route, TBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        new(await CommandRoutes.Answer(http, mediator, route, await mediator.Send(command(route, body), ct), answer, location, created: false, ct));

    /// <summary>As <see cref="Handle"/>, answered 201 with the Location.</summary>
    public async Task<Answer<TView, CreationAnswer>> HandleCreation([AsParameters] TRoute route, TBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        new(await CommandRoutes.Answer(http, mediator, route, await mediator.Send(command(route, body), ct), answer, location, created: true, ct));
}

/// <summary>As <see cref="CommandRoute{TRoute, TBody, TView}"/>, with a body that may be left out.</summary>
public sealed class OptionalBodyRoute<TRoute, TBody, TView>(
    Func<TRoute, TBody?, ICommand<Written>> command, Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location)
    where TBody : class
{
    public async Task<Answer<TView, CommandAnswer>> Handle(
        [AsParameters] TRoute route, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        new(await CommandRoutes.Answer(http, mediator, route, await mediator.Send(command(route, body), ct), answer, location, created: false, ct));
}

public sealed class CommandRoute<TRoute, TView>(
    Func<TRoute, ICommand<Written>> command, Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location)
{
    public async Task<Answer<TView, CommandAnswer>> Handle([AsParameters] TRoute route, IMediator mediator, HttpContext http, CancellationToken ct) =>
        new(await CommandRoutes.Answer(http, mediator, route, await mediator.Send(command(route), ct), answer, location, created: false, ct));
}

public sealed class WrittenRoute<TRoute, TBody, TView>(Func<TRoute, TBody, ICommand<Written>> command, Func<TRoute, TBody, Written, TView> answer)
    where TBody : notnull
{
    public async Task<Answer<TView, CommandAnswer>> Handle([AsParameters] TRoute route, TBody body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var written = await mediator.Send(command(route, body), ct);
        http.Response.Headers.ETag = Versions.ETag(written.Version);
        return new(TypedResults.Ok(answer(route, body, written)));
    }
}

public sealed class ReceiptRoute<TRoute, TBody, TResult>(Func<TRoute, TBody, ICommand<TResult>> command)
    where TBody : notnull where TResult : notnull
{
    public async Task<Answer<TResult, CommandAnswer>> Handle([AsParameters] TRoute route, TBody body, IMediator mediator, CancellationToken ct) =>
        new(TypedResults.Ok(await mediator.Send(command(route, body), ct)));
}

public sealed class CreationRoute<TCommand, TView>(Func<Written, IQuery<Versioned<TView>>> answer, Func<Written, string> location)
    where TCommand : ICommand<Written>
{
    public async Task<Answer<TView, CreationAnswer>> Handle(TCommand command, IMediator mediator, HttpContext http, CancellationToken ct) =>
        new(await CommandRoutes.Answer(http, mediator, command, await mediator.Send(command, ct), (_, written) => answer(written), (_, written) => location(written), created: true, ct));
}

public sealed class ReadRoute<TRoute, TView>(Func<TRoute, IQuery<Versioned<TView>>> query)
{
    public async Task<Answer<TView, ReadAnswer>> Handle([AsParameters] TRoute route, IMediator mediator, HttpContext http, CancellationToken ct) =>
        new(http.WithETag(await mediator.Send(query(route), ct)));
}

/// <summary>
/// A route's answer; its type declares what the route answers (<typeparamref name="TDeclared"/>), so the declaration sits with the
/// handler wherever the route is mapped.
/// </summary>
public sealed class Answer<TView, TDeclared>(IResult result) : IResult, IEndpointMetadataProvider
    where TDeclared : IDeclaredAnswer
{
    public Task ExecuteAsync(HttpContext httpContext) => result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        foreach (var declared in CommandRoutes.Declared(typeof(TView), TDeclared.Status, TDeclared.Problems))
        {
            builder.Metadata.Add(declared);
        }
    }
}

public interface IDeclaredAnswer
{
    static abstract int Status { get; }

    static abstract int[] Problems { get; }
}

/// <summary>200 with the resource, and the problems every command route can answer with.</summary>
public sealed class CommandAnswer : IDeclaredAnswer
{
    public static int Status => StatusCodes.Status200OK;

    public static int[] Problems => [400, 403, 404, 409, 412];
}

/// <summary>201 with the created resource, and the problems every command route can answer with.</summary>
public sealed class CreationAnswer : IDeclaredAnswer
{
    public static int Status => StatusCodes.Status201Created;

    public static int[] Problems => CommandAnswer.Problems;
}

/// <summary>200 with the record, or 403 or 404.</summary>
public sealed class ReadAnswer : IDeclaredAnswer
{
    public static int Status => StatusCodes.Status200OK;

    public static int[] Problems => [403, 404];
}
