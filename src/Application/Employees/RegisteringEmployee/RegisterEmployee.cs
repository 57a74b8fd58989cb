using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.RegisteringEmployee;

public sealed record RegisterEmployee(
    string Nip,
    string FullName,
    EmploymentType? EmploymentType,
    string UnitCode,
    PositionInput Position,
    string? Golongan,
    string? SupervisorNip,
    DateOnly? StartDate) : ICommand<Written>, IEmployeeRegistryWrite, IPlacingRegistryWrite;

public sealed class RegisterEmployeeValidator : AbstractValidator<RegisterEmployee>
{
    public RegisterEmployeeValidator(TimeProvider clock)
    {
        RuleFor(c => c.EmploymentType).NotNull().IsInEnum();
        RuleFor(c => c.Nip).NipOf(c => c.EmploymentType, clock);
        RuleFor(c => c.FullName).NotEmpty().MaximumLength(EmployeeRules.MaxNameLength);
        RuleFor(c => c.UnitCode).UnitCode();
        RuleFor(c => c.Position).Position();
        RuleFor(c => c.Golongan).Custom((golongan, ctx) =>
        {
            if (ctx.InstanceToValidate.EmploymentType is { } type && Domain.Employees.Golongan.Problem(type, golongan) is { } problem)
            {
                ctx.AddFailure(problem.ForCaller());
            }
        });
        RuleFor(c => c.SupervisorNip).Must(nip => nip is null || Nip.IsKey(nip)).WithMessage(Nip.KeyRule);
        RuleFor(c => c.StartDate).NotNull();
    }
}

public sealed class RegisterEmployeeHandler(IEventStore store, IEmployeeDirectory directory, IUnitDirectory units, TimeProvider clock)
    : ICommandHandler<RegisterEmployee, Written>
{
    public async ValueTask<Written> Handle(RegisterEmployee command, CancellationToken ct)
    {
        if (await directory.FindByNip(command.Nip, ct) is not null || await directory.FindByFormerNip(command.Nip, ct) is not null)
        {
            throw NipTaken(command.Nip);
        }

        var unit = await units.Referenced(command.UnitCode, ct);
        var supervisor = command.SupervisorNip is { } supervisorNip
            ? await store.Referenced(directory, supervisorNip, "unknown-supervisor", ct)
            : null;
        var input = new NewEmployee(
            command.Nip, command.FullName, command.EmploymentType!.Value, command.Position.ToPosition(), command.Golongan, command.StartDate!.Value);
        var id = Guid.CreateVersion7();
        var events = EmployeeDecisions.Register(id, input, unit, supervisor, clock.GetUtcNow());
        store.Start<Employee>(id, events);
        try
        {
            await store.SaveChanges(null, ct);
        }
        catch (DuplicateKey)
        {
            // Two registrations of one NIP raced past the lookup above; the unique index let one commit.
            throw NipTaken(command.Nip);
        }

        return new Written(id, events.Count, command.Nip);
    }

    private static DomainRuleViolation NipTaken(string nip) => new("nip-already-registered", $"NIP {nip} is already registered.");
}
