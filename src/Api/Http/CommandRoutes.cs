using Kinerja.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kinerja.Api.Http;

/// <summary>
/// The one convention of a command route: POST; the command is built from the route's values (bound by name into
/// <typeparamref name="TRoute"/>) and the body; If-Match reaches the write path through the request context; the answer
/// is the resource as read back after the commit, with its ETag, optionally its Location (201 when <c>created</c>); the
/// standard problems are declared here once.
/// </summary>
public static class CommandRoutes
{
    public static RouteHandlerBuilder MapCommand<TRoute, TBody, TView>(
        this IEndpointRouteBuilder group, string pattern, Func<TRoute, TBody, ICommand<Written>> command,
        Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location = null, bool created = false)
        where TBody : notnull =>
        group.MapPost(pattern, async ([AsParameters] TRoute route, TBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Answer(http, mediator, route, await mediator.Send(command(route, body), ct), answer, location, created, ct))
            .Declare<TView>(created);

    /// <summary>As <see cref="MapCommand{TRoute, TBody, TView}(IEndpointRouteBuilder, string, Func{TRoute, TBody, ICommand{Written}}, Func{TRoute, Written, IQuery{Versioned{TView}}}, Func{TRoute, Written, string}?, bool)"/>, with a body that may be left out.</summary>
    public static RouteHandlerBuilder MapCommandOptionalBody<TRoute, TBody, TView>(
        this IEndpointRouteBuilder group, string pattern, Func<TRoute, TBody?, ICommand<Written>> command,
        Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location = null)
        where TBody : class =>
        group.MapPost(pattern, async ([AsParameters] TRoute route, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TBody? body, IMediator mediator,
                HttpContext http, CancellationToken ct) =>
                await Answer(http, mediator, route, await mediator.Send(command(route, body), ct), answer, location, created: false, ct))
            .Declare<TView>(created: false);

    public static RouteHandlerBuilder MapCommand<TRoute, TView>(
        this IEndpointRouteBuilder group, string pattern, Func<TRoute, ICommand<Written>> command,
        Func<TRoute, Written, IQuery<Versioned<TView>>> answer, Func<TRoute, Written, string>? location = null) =>
        group.MapPost(pattern, async ([AsParameters] TRoute route, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Answer(http, mediator, route, await mediator.Send(command(route), ct), answer, location, created: false, ct))
            .Declare<TView>(created: false);

    /// <summary>A creation whose body is the command itself: 201 with the created resource read back, its ETag and Location.</summary>
    public static RouteHandlerBuilder MapCreation<TCommand, TView>(
        this IEndpointRouteBuilder group, string pattern, Func<Written, IQuery<Versioned<TView>>> answer, Func<Written, string> location)
        where TCommand : ICommand<Written> =>
        group.MapPost(pattern, async (TCommand command, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await Answer(http, mediator, command, await mediator.Send(command, ct), (_, written) => answer(written), (_, written) => location(written), created: true, ct))
            .Declare<TView>(created: true);

    /// <summary>A command answered from what it wrote (no read back), with the written version as the ETag.</summary>
    public static RouteHandlerBuilder MapCommand<TRoute, TBody, TView>(
        this IEndpointRouteBuilder group, string pattern, Func<TRoute, TBody, ICommand<Written>> command, Func<TRoute, TBody, Written, TView> answer)
        where TBody : notnull =>
        group.MapPost(pattern, async ([AsParameters] TRoute route, TBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(command(route, body), ct);
                http.Response.Headers.ETag = Versions.ETag(written.Version);
                return TypedResults.Ok(answer(route, body, written));
            })
            .Declare<TView>(created: false);

    /// <summary>A command whose own answer is the response (a receipt), not a resource read back.</summary>
    public static RouteHandlerBuilder MapCommand<TRoute, TBody, TResult>(
        this IEndpointRouteBuilder group, string pattern, Func<TRoute, TBody, ICommand<TResult>> command)
        where TBody : notnull where TResult : notnull =>
        group.MapPost(pattern, async ([AsParameters] TRoute route, TBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command(route, body), ct)))
            .Declare<TResult>(created: false);

    /// <summary>A read of one record: its query built from the route's values, answered with the record and its version as the ETag.</summary>
    public static RouteHandlerBuilder MapRead<TRoute, TView>(this IEndpointRouteBuilder group, string pattern, Func<TRoute, IQuery<Versioned<TView>>> query) =>
        group.MapGet(pattern, async ([AsParameters] TRoute route, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(query(route), ct)))
            .Produces<TView>()
            .ProducesProblem(403).ProducesProblem(404);

    /// <summary>The problems every command route can answer with.</summary>
    public static RouteHandlerBuilder Declare<TView>(this RouteHandlerBuilder route, bool created) =>
        route.Produces<TView>(created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

    private static async Task<IResult> Answer<TRoute, TView>(
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
