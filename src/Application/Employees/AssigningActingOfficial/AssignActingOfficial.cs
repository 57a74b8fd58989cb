using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.AssigningActingOfficial;

/// <summary>
/// Records a Plt or Plh who acts for the addressed official from one date to another: during it, the acting official may do
/// the official's rater and approver acts for the official's subordinates.
/// </summary>
public sealed record AssignActingOfficial(string Nip, string ActingNip, ActingKind? Kind, DateOnly? From, DateOnly? To) : ICommand<Written>, IEmployeeRegistryWrite;

public sealed class AssignActingOfficialValidator : AbstractValidator<AssignActingOfficial>
{
    public AssignActingOfficialValidator()
    {
        RuleFor(c => c.ActingNip).NotEmpty().Must(Nip.IsKey).WithMessage(Nip.KeyRule);
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.From).NotNull();
        RuleFor(c => c.To).NotNull();
    }
}

public sealed class AssignActingOfficialHandler(EmployeeStreams employees, IEventStore store, IEmployeeDirectory directory)
    : ICommandHandler<AssignActingOfficial, Written>
{
    public async ValueTask<Written> Handle(AssignActingOfficial command, CancellationToken ct)
    {
        var acting = await store.Referenced(directory, command.ActingNip, "unknown-acting-official", ct);
        return await employees.Decide(command.Nip, null, (superior, now) =>
            EmployeeDecisions.AssignActing(superior, acting, command.Kind!.Value, command.From!.Value, command.To!.Value, now), ct);
    }
}
