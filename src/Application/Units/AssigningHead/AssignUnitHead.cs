using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units.AssigningHead;

/// <summary>Records who heads the unit from a date (null NIP: vacant). The registry knew placements and superiors, not heads.</summary>
public sealed record AssignUnitHead(string Code, string? HeadNip, DateOnly? EffectiveOn, long? ExpectedVersion) : ICommand<Written>;

public sealed class AssignUnitHeadValidator : AbstractValidator<AssignUnitHead>
{
    public AssignUnitHeadValidator() => RuleFor(c => c.EffectiveOn).NotNull();
}

public sealed class AssignUnitHeadHandler(IEventStore store, IUnitDirectory units, IEmployeeDirectory employees, TimeProvider clock)
    : ICommandHandler<AssignUnitHead, Written>
{
    public async ValueTask<Written> Handle(AssignUnitHead command, CancellationToken ct)
    {
        var unit = await units.Addressed(command.Code, ct);
        var head = command.HeadNip is { } nip ? await store.Referenced(employees, nip, "unknown-head", ct) : null;
        var stream = await store.FetchForWriting<UnitKerja>(unit.Id, command.ExpectedVersion, ct);
        var events = UnitDecisions.AssignHead(stream.State!, head, command.EffectiveOn!.Value, clock.GetUtcNow());
        stream.Append(events);
        await store.SaveChanges(null, ct);
        return new Written(unit.Id, stream.Version + events.Count, unit.Code);
    }
}
