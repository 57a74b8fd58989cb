using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Positions;
using Mediator;

namespace Kinerja.Application.Positions.ChangingRequirements;

/// <summary>Replaces the position's required competencies as a whole (a revised standar kompetensi jabatan).</summary>
public sealed record ChangePositionRequirements(string Code, IReadOnlyList<RequiredCompetency> Requirements) : ICommand<Written>;

public sealed class ChangePositionRequirementsValidator : AbstractValidator<ChangePositionRequirements>
{
    public ChangePositionRequirementsValidator() => RuleFor(c => c.Requirements).Requirements();
}

public sealed class ChangePositionRequirementsHandler(PositionStreams positions) : ICommandHandler<ChangePositionRequirements, Written>
{
    public async ValueTask<Written> Handle(ChangePositionRequirements command, CancellationToken ct) =>
        await positions.Decide(command.Code, (position, now) =>
            PositionDecisions.ChangeRequirements(position, command.Requirements, now), ct);
}
