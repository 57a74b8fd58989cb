using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.ChangingSupervisor;

/// <summary>Names the employee's direct superior (the usual pejabat penilai) from an effective date; a null NIP means none.</summary>
public sealed record ChangeSupervisor(string Nip, string? SupervisorNip, DateOnly? EffectiveOn) : ICommand<Written>;

public sealed class ChangeSupervisorValidator : AbstractValidator<ChangeSupervisor>
{
    public ChangeSupervisorValidator()
    {
        RuleFor(c => c.SupervisorNip).Must(nip => nip is null || (nip.Length == Nip.Length && nip.All(char.IsAsciiDigit)))
            .WithMessage($"must be {Nip.Length} digits");
        RuleFor(c => c.EffectiveOn).NotNull();
    }
}

public sealed class ChangeSupervisorHandler(EmployeeStreams employees, IEventStore store, IEmployeeDirectory directory)
    : ICommandHandler<ChangeSupervisor, Written>
{
    public async ValueTask<Written> Handle(ChangeSupervisor command, CancellationToken ct)
    {
        var supervisor = command.SupervisorNip is { } nip ? await store.Referenced(directory, nip, "unknown-supervisor", ct) : null;
        var effectiveOn = command.EffectiveOn!.Value;
        var chainAbove = await ChainAbove(supervisor, effectiveOn, ct);
        return await employees.Decide(command.Nip, null, (employee, now) =>
            EmployeeDecisions.ChangeSupervisor(employee, supervisor, chainAbove, effectiveOn, now), ct);
    }

    /// <summary>The superiors above <paramref name="supervisor"/> on the date, nearest first; stops at the top or at a circle already recorded.</summary>
    private async Task<IReadOnlyList<Guid>> ChainAbove(Employee? supervisor, DateOnly on, CancellationToken ct)
    {
        var chain = new List<Guid>();
        var next = supervisor?.SupervisorOn(on)?.SupervisorId;
        while (next is { } id && !chain.Contains(id) && chain.Count < MaxDepth)
        {
            chain.Add(id);
            next = (await store.Load<Employee>(id, ct))?.SupervisorOn(on)?.SupervisorId;
        }

        return chain;
    }

    /// <summary>Far deeper than any line of superiors in a city government (walikota → sekda → kepala dinas → ...).</summary>
    private const int MaxDepth = 64;
}
