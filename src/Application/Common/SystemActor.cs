namespace Kinerja.Application.Common;

/// <summary>
/// The actor of a scope that serves no HTTP request (a scheduled message). Whoever opens such a
/// scope assigns it before anything in the scope asks for <see cref="ICurrentActor"/>.
/// </summary>
public sealed class ActorScope
{
    public ICurrentActor? Assigned { get; private set; }

    public void Assign(ICurrentActor actor) =>
        Assigned = Assigned is null ? actor : throw new InvalidOperationException("This scope already has an actor.");
}

/// <summary>The service acting on its own (no user, no NIP). Its role is outside <see cref="Roles.All"/>, so no token can claim it.</summary>
public sealed record SystemActor(string Name, string CorrelationId) : ICurrentActor
{
    public const string Role = Domain.Actor.ServiceRole;

    public Domain.Actor Actor => Domain.Actor.Service(Name);

    public string? Reason => null;

    public long? IfMatch => null;
}
