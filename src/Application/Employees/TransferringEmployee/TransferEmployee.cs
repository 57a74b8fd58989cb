using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Employees.TransferringEmployee;

/// <summary>
/// Mutasi: a move to another unit and/or position (and golongan, for a PNS) from an effective date, possibly back-dated.
/// The superior changes with it: the one named, or else the new unit's head (the head of the unit above, for the head
/// themselves); the profile's supervisor history says which (<see cref="SupervisorBasis"/>). Someone who reports to nobody
/// and moves to a unit without a head keeps reporting to nobody; anyone else then needs a superior named.
/// </summary>
public sealed record TransferEmployee(
    string Nip, string UnitCode, PositionInput Position, string? Golongan, DateOnly? EffectiveOn, string? SupervisorNip = null) : ICommand<Written>, IEmployeeRegistryWrite, IPlacingRegistryWrite;

public sealed class TransferEmployeeValidator : AbstractValidator<TransferEmployee>
{
    public TransferEmployeeValidator()
    {
        RuleFor(c => c.UnitCode).UnitCode();
        RuleFor(c => c.Position).Position();
        RuleFor(c => c.Golongan).Must(g => g is null || Golongan.All.Contains(g))
            .WithMessage(Wordings.OneOf(Golongan.All));
        RuleFor(c => c.EffectiveOn).NotNull();
        RuleFor(c => c.SupervisorNip).Must(nip => nip is null || Nip.IsKey(nip)).WithMessage(Nip.KeyRule);
    }
}

public sealed class TransferEmployeeHandler(EmployeeStreams employees, IEventStore store, IEmployeeDirectory directory, IUnitDirectory units, SupervisorChain chain)
    : ICommandHandler<TransferEmployee, Written>
{
    public async ValueTask<Written> Handle(TransferEmployee command, CancellationToken ct)
    {
        var unit = await units.Referenced(command.UnitCode, ct);
        var effectiveOn = command.EffectiveOn!.Value;
        var named = command.SupervisorNip is { } nip ? await store.Referenced(directory, nip, "unknown-supervisor", ct) : null;
        return await employees.Decide(command.Nip, null, async (employee, now) =>
        {
            var moved = EmployeeDecisions.Transfer(employee, unit, command.Position.ToPosition(), command.Golongan, effectiveOn, now);
            if (named is not null)
            {
                return [.. moved, .. await chain.Change(employee, named, effectiveOn, SupervisorBasis.Named, now, ct)];
            }

            if (await UnitHead(unit, employee, effectiveOn, ct) is { } head)
            {
                return [.. moved, .. await chain.Change(employee, head, effectiveOn, SupervisorBasis.UnitHead, now, ct)];
            }

            // Someone who reports to nobody (the head of an agency) has no superior to go stale; anyone else must get a new one.
            return employee.SupervisorOn(effectiveOn)?.SupervisorId is null ? moved : throw NoHead(unit, effectiveOn);
        }, ct);
    }

    /// <summary>The head of the unit on the date, or of the nearest unit above when the employee heads it themselves; null when none.</summary>
    private async Task<Employee?> UnitHead(UnitKerja unit, Employee employee, DateOnly on, CancellationToken ct)
    {
        var all = (await units.All(ct)).ToDictionary(u => u.Id);
        for (UnitKerja? current = unit; current is not null; current = current.ParentUnitId is { } parent ? all.GetValueOrDefault(parent) : null)
        {
            if (current.HeadOn(on)?.HeadId is { } head && head != employee.Id)
            {
                return await store.Load<Employee>(head, ct);
            }
        }

        return null;
    }

    private static DomainRuleViolation NoHead(UnitKerja unit, DateOnly on) =>
        new("no-unit-head", $"Unit {unit.Code} has no head on {on:yyyy-MM-dd} to report to; name the new supervisor (supervisorNip) or assign the unit's head first.");
}
