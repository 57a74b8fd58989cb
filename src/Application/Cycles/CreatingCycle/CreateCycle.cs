using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Cycles.CreatingCycle;

/// <summary>Every unit, or the listed units with their sub-units.</summary>
public sealed record CycleScopeInput(bool AllUnits, IReadOnlyList<string>? UnitCodes);

public sealed record CreateCycle(
    string Name,
    CycleKind? Kind,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    CycleScopeInput Scope,
    FeedbackWindow FeedbackWindow,
    Guid? AnnualCycleId = null) : ICommand<Written>;

public sealed class CreateCycleValidator : AbstractValidator<CreateCycle>
{
    public CreateCycleValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CycleRules.MaxNameLength);
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.PeriodStart).NotNull();
        RuleFor(c => c.PeriodEnd).NotNull();
        RuleFor(c => c.FeedbackWindow).NotNull();
        RuleFor(c => c.Scope).NotNull()
            .Must(s => s is null || s.AllUnits != (s.UnitCodes is { Count: > 0 })).WithMessage(new Wording("berikan allUnits: true atau daftar unitCodes, salah satu saja", "give either allUnits: true or a list of unitCodes"));
        RuleForEach(c => c.Scope.UnitCodes).UnitCode().When(c => c.Scope?.UnitCodes is not null);
        RuleFor(c => c.PeriodEnd).Custom((_, ctx) =>
        {
            var c = ctx.InstanceToValidate;
            if (c is { Kind: { } kind, PeriodStart: { } start, PeriodEnd: { } end, FeedbackWindow: { } window }
                && CycleRules.PeriodProblem(kind, start, end, window) is { } problem)
            {
                ctx.AddFailure(problem.ForCaller());
            }
        });
    }
}

public sealed class CreateCycleHandler(
    IEventStore store, ICycleDirectory cycles, CycleStreams streams, IUnitDirectory units, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<CreateCycle, Written>
{
    public async ValueTask<Written> Handle(CreateCycle command, CancellationToken ct)
    {
        var codes = command.Scope.UnitCodes ?? [];
        foreach (var code in codes)
        {
            await units.Referenced(code, ct);
        }

        if (await cycles.NameTaken(command.Name.Trim(), ct))
        {
            throw NameTaken(command.Name);
        }

        var id = Guid.CreateVersion7();
        var input = new NewCycle(command.Name, command.Kind!.Value, command.PeriodStart!.Value, command.PeriodEnd!.Value,
            command.Scope.AllUnits, codes, command.FeedbackWindow);
        var scope = await units.Codes(input.AllUnits, codes, ct);
        var overlapping = await Overlapping(input, scope, ct);
        (AppraisalCycle, bool)? annual = null;
        if (command.AnnualCycleId is { } annualId)
        {
            var linked = await streams.Load(annualId, ct);
            annual = (linked, CycleScopes.Covers(await units.Codes(linked, ct), scope));
        }

        // Two creations racing for one period could both pass this check; cycles are created a few times a year by
        // hr-admin, so the race is left open rather than serialised (decision 090).
        var events = CycleDecisions.Create(id, input, overlapping, annual, current.Actor, clock.GetUtcNow());
        store.Start<AppraisalCycle>(id, events);
        try
        {
            await store.SaveChanges(null, ct);
        }
        catch (DuplicateKey)
        {
            // Two creations of one name raced past the lookup above; the unique index let one commit.
            throw NameTaken(command.Name);
        }

        return new Written(id, events.Count, id.ToString());
    }

    private async Task<IReadOnlyList<OverlappingCycle>> Overlapping(NewCycle input, HashSet<string>? scope, CancellationToken ct)
    {
        var found = new List<OverlappingCycle>();
        foreach (var other in await cycles.SameKindDuring(input.Kind, input.PeriodStart, input.PeriodEnd, ct))
        {
            if (CycleScopes.Meet(scope, await units.Codes(other.AllUnits, other.UnitCodes, ct)))
            {
                found.Add(new OverlappingCycle(other.Id, other.Name));
            }
        }

        return found;
    }

    private static DomainRuleViolation NameTaken(string name) => new("cycle-name-taken", $"A cycle named '{name.Trim()}' already exists.");
}
