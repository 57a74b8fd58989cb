using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Units;

/// <summary>A registry write addressed to an employee: their unit (the latest placement) must be within an opd-admin's reach.</summary>
public interface IEmployeeRegistryWrite
{
    string Nip { get; }
}

/// <summary>A registry write that places an employee in a unit (a registration, a transfer): that unit must be within reach.</summary>
public interface IPlacingRegistryWrite
{
    string UnitCode { get; }
}

/// <summary>A registry write addressed to a unit (renaming, its head): the unit must be within reach.</summary>
public interface IUnitRegistryWrite
{
    string Code { get; }
}

/// <summary>A unit's registration: its parent must be within reach; a unit without a parent (a new OPD) is hr-admin's.</summary>
public interface ISubUnitRegistryWrite
{
    string? ParentCode { get; }
}

/// <summary>
/// Holds an opd-admin's registry writes to the subtree of the unit their token names (docs/decisions/094), in one place for every
/// registry command, before validation and before anything is read for the write: a refused write appends nothing. Other roles
/// pass; who may call the route at all is the endpoint's policy.
/// </summary>
public sealed class RegistryScopeBehaviour<TMessage, TResponse>(ICurrentActor current, UnitScope scope, IEmployeeDirectory employees)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Only registry commands ask for the actor: other messages also run in scopes that have none (scheduled ones).
        if (message is IEmployeeRegistryWrite or IPlacingRegistryWrite or IUnitRegistryWrite or ISubUnitRegistryWrite && current.Actor.Role == Roles.OpdAdmin)
        {
            foreach (var unit in await Touched(message, cancellationToken))
            {
                if (unit is null || !await scope.Covers(unit, cancellationToken))
                {
                    throw new AccessDenied(
                        $"An opd-admin writes the registry of {current.UnitCode ?? "(no unit claim)"} and its sub-units only; {(unit is null ? "a unit without a parent" : UnitKerja.Canonical(unit))} is outside it.",
                        "outside-unit-scope");
                }
            }
        }

        return await next(message, cancellationToken);
    }

    private async Task<IReadOnlyList<string?>> Touched(TMessage message, CancellationToken ct)
    {
        var units = new List<string?>();
        if (message is IEmployeeRegistryWrite addressed && await employees.FindByNip(addressed.Nip, ct) is { } employee)
        {
            units.Add(employee.LatestUnitCode);
        }

        if (message is IPlacingRegistryWrite placing)
        {
            units.Add(placing.UnitCode);
        }

        if (message is IUnitRegistryWrite unit)
        {
            units.Add(unit.Code);
        }

        if (message is ISubUnitRegistryWrite subUnit)
        {
            units.Add(subUnit.ParentCode);
        }

        return units;
    }
}
