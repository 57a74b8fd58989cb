using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units.RegisteringUnit;

public sealed record RegisterUnit(string Code, string Name, string? ParentCode) : ICommand<Written>, ISubUnitRegistryWrite;

public sealed class RegisterUnitValidator : AbstractValidator<RegisterUnit>
{
    public RegisterUnitValidator()
    {
        RuleFor(c => c.Code).UnitCode();
        RuleFor(c => c.Name).UnitName();
        RuleFor(c => c.ParentCode!).UnitCode().When(c => c.ParentCode is not null);
    }
}

public sealed class RegisterUnitHandler(IEventStore store, IUnitDirectory units, TimeProvider clock) : ICommandHandler<RegisterUnit, Written>
{
    public async ValueTask<Written> Handle(RegisterUnit command, CancellationToken ct)
    {
        var parent = command.ParentCode is { } parentCode ? await units.Referenced(parentCode, ct) : null;
        var id = UnitKerja.IdFor(command.Code);
        var events = UnitDecisions.Register(await store.Load<UnitKerja>(id, ct), command.Code, command.Name, parent, clock.GetUtcNow());
        store.Start<UnitKerja>(id, events);
        try
        {
            await store.SaveChanges(null, ct);
        }
        catch (DuplicateKey)
        {
            throw new DomainRuleViolation("unit-already-registered", $"Unit {command.Code.ToUpperInvariant()} is already registered.");
        }

        return new Written(id, events.Count, ((UnitRegistered)events[0]).Code);
    }
}
