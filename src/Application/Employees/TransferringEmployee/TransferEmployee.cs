using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.TransferringEmployee;

/// <summary>Mutasi: a move to another unit and/or position (and golongan, for a PNS) from an effective date, possibly back-dated.</summary>
public sealed record TransferEmployee(
    string Nip, string UnitCode, PositionInput Position, string? Golongan, DateOnly? EffectiveOn) : ICommand<Written>;

public sealed class TransferEmployeeValidator : AbstractValidator<TransferEmployee>
{
    public TransferEmployeeValidator()
    {
        RuleFor(c => c.UnitCode).UnitCode();
        RuleFor(c => c.Position).Position();
        RuleFor(c => c.Golongan).Must(g => g is null || Golongan.All.Contains(g))
            .WithMessage($"must be one of {string.Join(", ", Golongan.All)}");
        RuleFor(c => c.EffectiveOn).NotNull();
    }
}

public sealed class TransferEmployeeHandler(EmployeeStreams employees, IUnitDirectory units) : ICommandHandler<TransferEmployee, Written>
{
    public async ValueTask<Written> Handle(TransferEmployee command, CancellationToken ct)
    {
        var unit = await units.Referenced(command.UnitCode, ct);
        return await employees.Decide(command.Nip, null, (employee, now) =>
            EmployeeDecisions.Transfer(employee, unit, command.Position.ToPosition(), command.Golongan, command.EffectiveOn!.Value, now), ct);
    }
}
