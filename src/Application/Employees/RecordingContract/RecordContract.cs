using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.RecordingContract;

/// <summary>Records a PPPK work agreement (perjanjian kerja) or its renewal: the facts the training cap and the extension list read.</summary>
public sealed record RecordContract(string Nip, string Reference, DateOnly? StartsOn, DateOnly? EndsOn) : ICommand<Written>, IEmployeeRegistryWrite;

public sealed class RecordContractValidator : AbstractValidator<RecordContract>
{
    public RecordContractValidator()
    {
        RuleFor(c => c.Reference).NotEmpty().MaximumLength(100);
        RuleFor(c => c.StartsOn).NotNull();
        RuleFor(c => c.EndsOn).NotNull();
    }
}

public sealed class RecordContractHandler(EmployeeStreams employees) : ICommandHandler<RecordContract, Written>
{
    public async ValueTask<Written> Handle(RecordContract command, CancellationToken ct) =>
        await employees.Decide(command.Nip, null, (employee, now) =>
            EmployeeDecisions.RecordContract(employee, command.Reference, command.StartsOn!.Value, command.EndsOn!.Value, now), ct);
}
