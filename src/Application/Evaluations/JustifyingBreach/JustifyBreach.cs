using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.JustifyingBreach;

/// <summary>A written justification of the unit's spread being outside the guidance: flagged, never blocked.</summary>
public sealed record JustifyBreach(Guid CycleId, string UnitCode, string Justification) : ICommand<Written>;

public sealed class JustifyBreachValidator : AbstractValidator<JustifyBreach>
{
    public JustifyBreachValidator() => RuleFor(c => c.Justification).NotEmpty().MaximumLength(4000);
}

public sealed class JustifyBreachHandler(UnitEvaluationStreams units) : ICommandHandler<JustifyBreach, Written>
{
    public async ValueTask<Written> Handle(JustifyBreach command, CancellationToken ct)
    {
        var counts = await units.FinalPredikat(command.CycleId, command.UnitCode, ct);
        return await units.Decide(command.CycleId, command.UnitCode, 
            (state, cycle, by, now) => UnitEvaluationDecisions.JustifyBreach(state, cycle, counts, command.Justification, by, now), ct);
    }
}
