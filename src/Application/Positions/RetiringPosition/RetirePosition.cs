using Kinerja.Application.Common;
using Kinerja.Domain.Positions;
using Mediator;

namespace Kinerja.Application.Positions.RetiringPosition;

/// <summary>Retires the position (reorganisation); the reason goes in X-Reason and so in the event metadata.</summary>
public sealed record RetirePosition(string Code) : ICommand<Written>;

public sealed class RetirePositionHandler(PositionStreams positions) : ICommandHandler<RetirePosition, Written>
{
    public async ValueTask<Written> Handle(RetirePosition command, CancellationToken ct) =>
        await positions.Decide(command.Code, PositionDecisions.Retire, ct);
}
