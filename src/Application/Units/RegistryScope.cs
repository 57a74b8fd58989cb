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
/// registry command and for every row of an import (docs/decisions/155), before validation and before anything is read for the write:
/// a refused write appends nothing. Other roles pass; who may call the route at all is the endpoint's policy.
/// </summary>
public sealed class RegistryScope(ICurrentActor current, UnitScope scope, IEmployeeDirectory employees)
{
    /// <summary>Whether <paramref name="message"/> is a registry write this caller is held to a subtree for.</summary>
    public bool Holds(object message) =>
        message is IEmployeeRegistryWrite or IPlacingRegistryWrite or IUnitRegistryWrite or ISubUnitRegistryWrite && current.Actor.Role == Roles.OpdAdmin;

    /// <summary>Throws <see cref="AccessDenied"/> (<c>outside-unit-scope</c>) when the write touches a unit outside the caller's reach.</summary>
    /// <param name="alsoCovered">Units not registered yet that are within reach all the same: an import's units on earlier lines.</param>
    public async Task Ensure(object message, IReadOnlySet<string> alsoCovered, CancellationToken ct)
    {
        foreach (var unit in await Touched(message, ct))
        {
            if (unit is null || !(alsoCovered.Contains(UnitKerja.Canonical(unit)) || await scope.Covers(unit, ct)))
            {
                throw new AccessDenied(
                    $"An opd-admin writes the registry of {current.UnitCode ?? "(no unit claim)"} and its sub-units only, and {(unit is null ? "a unit without a parent" : UnitKerja.Canonical(unit))} is outside it.",
                    "outside-unit-scope");
            }
        }
    }

    private async Task<IReadOnlyList<string?>> Touched(object message, CancellationToken ct)
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

/// <summary>Every registry command passes <see cref="RegistryScope"/> before validation.</summary>
public sealed class RegistryScopeBehaviour<TMessage, TResponse>(RegistryScope registry) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Only registry commands ask for the actor: other messages also run in scopes that have none (scheduled ones).
        if (registry.Holds(message))
        {
            await registry.Ensure(message, None, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
