using Mediator;

namespace Kinerja.Application.Common;

/// <summary>The command being executed in this scope: the causation id of the events it appends.</summary>
public sealed class CommandContext
{
    public string? CausationId { get; set; }
}

public sealed class CommandContextBehaviour<TMessage, TResponse>(CommandContext context) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IBaseCommand)
        {
            context.CausationId = $"{typeof(TMessage).Name}/{Guid.CreateVersion7():N}";
        }

        return next(message, cancellationToken);
    }
}
