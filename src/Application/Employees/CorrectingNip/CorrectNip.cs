using FluentValidation;
using FluentValidation.Results;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.CorrectingNip;

/// <summary>
/// Replaces the employee's NIP (an NI PPPK changes on a new contract with another agency); the
/// internal id stays, and the former NIP stays findable in the profile's history.
/// </summary>
public sealed record CorrectNip(string Nip, string NewNip, string Reason) : ICommand<Written>, IEmployeeRegistryWrite;

public sealed class CorrectNipValidator : AbstractValidator<CorrectNip>
{
    public CorrectNipValidator()
    {
        RuleFor(c => c.NewNip).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class CorrectNipHandler(EmployeeStreams employees, IEmployeeDirectory directory, TimeProvider clock) : ICommandHandler<CorrectNip, Written>
{
    public async ValueTask<Written> Handle(CorrectNip command, CancellationToken ct)
    {
        try
        {
            return await employees.Decide(command.Nip, command.Reason, async (employee, now) =>
            {
                // The NIP rules depend on the employment type, which only the stored employee knows.
                if (Nip.Problem(command.NewNip, employee.EmploymentType, clock.Today()) is { } problem)
                {
                    throw new ValidationException([new ValidationFailure(nameof(CorrectNip.NewNip), problem.ForCaller())]);
                }

                var holder = await directory.FindByNip(command.NewNip, ct) ?? await directory.FindByFormerNip(command.NewNip, ct);
                if (holder is not null && holder.Id != employee.Id)
                {
                    throw NipTaken(command.NewNip);
                }

                return EmployeeDecisions.CorrectNip(employee, command.NewNip, command.Reason, now);
            }, ct);
        }
        catch (DuplicateKey)
        {
            throw NipTaken(command.NewNip);
        }
    }

    private static DomainRuleViolation NipTaken(string nip) => new("nip-already-registered", $"NIP {nip} is already registered.");
}
