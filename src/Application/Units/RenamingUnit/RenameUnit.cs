using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units.RenamingUnit;

public sealed record RenameUnit(string Code, string Name) : ICommand<Written>, IUnitRegistryWrite;

public sealed class RenameUnitValidator : AbstractValidator<RenameUnit>
{
    public RenameUnitValidator() => RuleFor(c => c.Name).UnitName();
}

public sealed class RenameUnitHandler(IEventStore store, TimeProvider clock) : ICommandHandler<RenameUnit, Written>
{
    public async ValueTask<Written> Handle(RenameUnit command, CancellationToken ct) =>
        await store.DecideUnit(command.Code, unit => UnitDecisions.Rename(unit, command.Name, clock.GetUtcNow()), ct);
}
