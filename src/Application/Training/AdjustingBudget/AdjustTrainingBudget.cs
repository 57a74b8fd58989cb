using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Training.GettingBudget;
using Kinerja.Application.Units;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.AdjustingBudget;

/// <summary>Changes the allocation (e.g. after the APBD Perubahan) to a new total, with a reason; never below what is reserved or spent.</summary>
public sealed record AdjustTrainingBudget(string UnitCode, int Year, long? Allocated, string Reason) : ICommand<Written>;

public sealed class AdjustTrainingBudgetValidator : AbstractValidator<AdjustTrainingBudget>
{
    public AdjustTrainingBudgetValidator()
    {
        RuleFor(c => c.Year).BudgetYear();
        RuleFor(c => c.Allocated).NotNull().InclusiveBetween(0, TrainingRules.MaxRupiah);
        RuleFor(c => c.Reason).Reason();
    }
}

public sealed class AdjustTrainingBudgetHandler(IEventStore store, IUnitDirectory units, TimeProvider clock) : ICommandHandler<AdjustTrainingBudget, Written>
{
    public async ValueTask<Written> Handle(AdjustTrainingBudget command, CancellationToken ct)
    {
        var unit = await units.Addressed(command.UnitCode, ct);
        var id = TrainingBudget.IdFor(unit.Code, command.Year);
        // The version check at commit keeps a cut from passing a reservation committed meanwhile; that caller re-reads and retries.
        var version = await store.Decide<TrainingBudget>(id, () => TrainingBudgets.NotFound(unit.Code, command.Year),
            budget => TrainingBudgetDecisions.Adjust(budget, command.Allocated!.Value, command.Reason, clock.GetUtcNow()), ct, reason: command.Reason);
        return new Written(id, version, unit.Code);
    }
}
