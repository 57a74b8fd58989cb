using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain;
using Kinerja.Domain.FollowUps;
using Mediator;

namespace Kinerja.Application.FollowUps.RecordingSupportPlan;

/// <summary>hr-admin records (or revises) the support plan of an employee flagged as needing support in the cycle.</summary>
public sealed record RecordSupportPlan(
    string Nip, Guid CycleId, IReadOnlyList<SupportKind>? Kinds, IReadOnlyList<string>? Actions, string ResponsibleNip, DateOnly? ReviewOn)
    : ICommand<Written>;

public sealed class RecordSupportPlanValidator : AbstractValidator<RecordSupportPlan>
{
    public RecordSupportPlanValidator()
    {
        RuleFor(c => c.CycleId).NotEmpty();
        RuleFor(c => c.Kinds).NotEmpty();
        RuleForEach(c => c.Kinds).IsInEnum();
        RuleFor(c => c.Actions).NotEmpty().AtMostItems(20).WithMessage(Wordings.AtMost(20, "tindakan", "actions"));
        RuleForEach(c => c.Actions).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.ResponsibleNip).NotEmpty();
        RuleFor(c => c.ReviewOn).NotNull();
    }
}

public sealed class RecordSupportPlanHandler(FollowUpStreams followUps, IEmployeeDirectory employees, FollowUpSettings settings)
    : ICommandHandler<RecordSupportPlan, Written>
{
    public async ValueTask<Written> Handle(RecordSupportPlan command, CancellationToken ct)
    {
        var responsible = await employees.FindByNip(command.ResponsibleNip, ct)
            ?? throw new DomainRuleViolation("unknown-responsible", $"No employee has NIP {command.ResponsibleNip}; the responsible person is a registered ASN.");
        var plan = new NewSupportPlan(command.Kinds!, command.Actions!, responsible.Id, responsible.Nip, command.ReviewOn!.Value);
        return await followUps.Decide(command.Nip, command.CycleId, (state, cycle, facts, by, now) =>
            FollowUpDecisions.RecordSupportPlan(state, cycle, facts, plan, settings.AfterClosing(), by, now), ct);
    }
}
