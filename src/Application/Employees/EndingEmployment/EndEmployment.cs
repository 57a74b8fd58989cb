using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.EndingEmployment;

/// <summary>Ends the employment (pensiun, mengundurkan diri, kontrak berakhir, ...); afterwards every write is refused.</summary>
public sealed record EndEmployment(string Nip, EmploymentEndReason? Reason, DateOnly? EffectiveOn) : ICommand<Written>, IEmployeeRegistryWrite;

public sealed class EndEmploymentValidator : AbstractValidator<EndEmployment>
{
    public EndEmploymentValidator()
    {
        RuleFor(c => c.Reason).NotNull().IsInEnum();
        RuleFor(c => c.EffectiveOn).NotNull();
    }
}

public sealed class EndEmploymentHandler(EmployeeStreams employees) : ICommandHandler<EndEmployment, Written>
{
    public async ValueTask<Written> Handle(EndEmployment command, CancellationToken ct) =>
        await employees.Decide(command.Nip, null, (employee, now) =>
            EmployeeDecisions.EndEmployment(employee, command.Reason!.Value, command.EffectiveOn!.Value, now), ct);
}
