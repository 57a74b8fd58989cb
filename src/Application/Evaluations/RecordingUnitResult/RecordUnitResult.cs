using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.RecordingUnitResult;

/// <summary>hr-admin records the unit's own result for the cycle (predikat kinerja organisasi); it sets the guidance for its employees' spread.</summary>
public sealed record RecordUnitResult(Guid CycleId, string UnitCode, UnitResult? Result) : ICommand<Written>;

public sealed class RecordUnitResultValidator : AbstractValidator<RecordUnitResult>
{
    public RecordUnitResultValidator() => RuleFor(c => c.Result).NotNull().IsInEnum();
}

public sealed class RecordUnitResultHandler(UnitEvaluationStreams units) : ICommandHandler<RecordUnitResult, Written>
{
    public async ValueTask<Written> Handle(RecordUnitResult command, CancellationToken ct) =>
        await units.Decide(command.CycleId, command.UnitCode, 
            (state, cycle, by, now) => UnitEvaluationDecisions.RecordResult(state, cycle, command.UnitCode, command.Result!.Value, by, now), ct);
}
