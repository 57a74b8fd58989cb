using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.ChangingSupervisor;

/// <summary>Names the employee's direct superior (the usual pejabat penilai) from an effective date; a null NIP means none.</summary>
public sealed record ChangeSupervisor(string Nip, string? SupervisorNip, DateOnly? EffectiveOn) : ICommand<Written>, IEmployeeRegistryWrite;

public sealed class ChangeSupervisorValidator : AbstractValidator<ChangeSupervisor>
{
    public ChangeSupervisorValidator()
    {
        RuleFor(c => c.SupervisorNip).Must(nip => nip is null || Nip.IsKey(nip)).WithMessage(Nip.KeyRule);
        RuleFor(c => c.EffectiveOn).NotNull();
    }
}

public sealed class ChangeSupervisorHandler(EmployeeStreams employees, IEventStore store, IEmployeeDirectory directory, SupervisorChain chain)
    : ICommandHandler<ChangeSupervisor, Written>
{
    public async ValueTask<Written> Handle(ChangeSupervisor command, CancellationToken ct)
    {
        var supervisor = command.SupervisorNip is { } nip ? await store.Referenced(directory, nip, "unknown-supervisor", ct) : null;
        return await employees.Decide(command.Nip, null, (employee, now) =>
            chain.Change(employee, supervisor, command.EffectiveOn!.Value, SupervisorBasis.Named, now, ct), ct);
    }
}
