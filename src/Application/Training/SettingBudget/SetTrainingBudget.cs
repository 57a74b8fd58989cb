using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.SettingBudget;

/// <summary>Sets a unit's training budget for a year, once; setting the same amount again changes nothing, any other change is an adjustment.</summary>
public sealed record SetTrainingBudget(string UnitCode, int Year, long? Allocated) : ICommand<Written>;

public sealed class SetTrainingBudgetValidator : AbstractValidator<SetTrainingBudget>
{
    public SetTrainingBudgetValidator()
    {
        RuleFor(c => c.Year).BudgetYear();
        RuleFor(c => c.Allocated).NotNull().InclusiveBetween(0, TrainingRules.MaxRupiah);
    }
}

public sealed class SetTrainingBudgetHandler(IEventStore store, IUnitDirectory units, TimeProvider clock) : ICommandHandler<SetTrainingBudget, Written>
{
    public async ValueTask<Written> Handle(SetTrainingBudget command, CancellationToken ct)
    {
        var unit = await units.Addressed(command.UnitCode, ct);
        var id = TrainingBudget.IdFor(unit.Code, command.Year);
        try
        {
            return await Set(id);
        }
        catch (DuplicateKey)
        {
            // Two first settings raced for the stream; decided again, the same amount is a no-op and another one a conflict.
            return await Set(id);
        }

        async Task<Written> Set(Guid budgetId)
        {
            var events = TrainingBudgetDecisions.Set(await store.Load<TrainingBudget>(budgetId, ct), unit.Id, unit.Code, command.Year, command.Allocated!.Value, clock.GetUtcNow());
            if (events.Count > 0)
            {
                store.Start<TrainingBudget>(budgetId, events);
                await store.SaveChanges(null, ct);
            }

            return new Written(budgetId, await store.Version(budgetId, ct) ?? 0, unit.Code);
        }
    }
}
