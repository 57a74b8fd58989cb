using Mediator;

namespace Kinerja.Application.Common;

/// <summary>
/// A command under an Idempotency-Key runs once, even when its claim is gone (the process died after the commit and the
/// claim expired, or the answer failed after the commit and the claim was released): the commit records the key with the
/// events, so a retry finds it here and answers with what the command wrote instead of running it again.
/// </summary>
public sealed class IdempotentCommandBehaviour<TMessage, TResponse>(IdempotencyScope scope, IIdempotencyStore store) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || scope.Key is not { } key)
        {
            return await next(message, cancellationToken);
        }

        if (await store.Committed(key, cancellationToken) is { } committed)
        {
            // The claim that would have caught another body is gone when its first answer failed after the commit.
            if (committed.RequestHash != scope.RequestHash)
            {
                throw new DuplicateKey("This Idempotency-Key was already used with a different request body.", code: "idempotency-key-reused");
            }

            return committed.Written is TResponse written
                ? written
                : throw new DuplicateKey("The request with this Idempotency-Key was already committed, and its answer was not kept.", code: "idempotency-key-committed");
        }

        var response = await next(message, cancellationToken);
        if (response is Written done)
        {
            await store.Answered(key, done, CancellationToken.None);
        }

        return response;
    }
}
