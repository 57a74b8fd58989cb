using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units.RenamingUnit;

public sealed record RenameUnit(string Code, string Name, long? ExpectedVersion) : ICommand<Written>;

public sealed class RenameUnitValidator : AbstractValidator<RenameUnit>
{
    public RenameUnitValidator() => RuleFor(c => c.Name).UnitName();
}

public sealed class RenameUnitHandler(IEventStore store, IUnitDirectory units, TimeProvider clock) : ICommandHandler<RenameUnit, Written>
{
    public async ValueTask<Written> Handle(RenameUnit command, CancellationToken ct)
    {
        var unit = await units.Addressed(command.Code, ct);
        var stream = await store.FetchForWriting<UnitKerja>(unit.Id, command.ExpectedVersion, ct);
        var events = UnitDecisions.Rename(stream.State!, command.Name, clock.GetUtcNow());
        stream.Append(events);
        await store.SaveChanges(null, ct);
        return new Written(unit.Id, stream.Version + events.Count, unit.Code);
    }
}
