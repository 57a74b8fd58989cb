using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units.AssigningHead;

/// <summary>Records who heads the unit from a date (null NIP: vacant). The registry knew placements and superiors, not heads.</summary>
public sealed record AssignUnitHead(string Code, string? HeadNip, DateOnly? EffectiveOn) : ICommand<Written>, IUnitRegistryWrite;

public sealed class AssignUnitHeadValidator : AbstractValidator<AssignUnitHead>
{
    public AssignUnitHeadValidator() => RuleFor(c => c.EffectiveOn).NotNull();
}

public sealed class AssignUnitHeadHandler(IEventStore store, IEmployeeDirectory employees, TimeProvider clock)
    : ICommandHandler<AssignUnitHead, Written>
{
    public async ValueTask<Written> Handle(AssignUnitHead command, CancellationToken ct)
    {
        var head = command.HeadNip is { } nip ? await store.Referenced(employees, nip, "unknown-head", ct) : null;
        return await store.DecideUnit(command.Code, unit => UnitDecisions.AssignHead(unit, head, command.EffectiveOn!.Value, clock.GetUtcNow()), ct);
    }
}
