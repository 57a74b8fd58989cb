using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Mediator;

namespace Kinerja.Application.Positions.RegisteringPosition;

public sealed record RegisterPosition(
    string Code,
    string Name,
    string UnitCode,
    PositionKind? Kind,
    PositionLevel? Level,
    IReadOnlyList<RequiredCompetency> Requirements,
    int? Vacancies) : ICommand<Written>;

public sealed class RegisterPositionValidator : AbstractValidator<RegisterPosition>
{
    public RegisterPositionValidator()
    {
        RuleFor(c => c.Code).PositionCode();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Jabatan.MaxNameLength);
        RuleFor(c => c.UnitCode).UnitCode();
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Level).Custom((level, ctx) =>
        {
            if (ctx.InstanceToValidate.Kind is { } kind && Position.LevelProblem(kind, level) is { } problem)
            {
                ctx.AddFailure(problem.ForCaller());
            }
        });
        RuleFor(c => c.Requirements).Requirements();
        RuleFor(c => c.Vacancies).Vacancies();
    }
}

public sealed class RegisterPositionHandler(IEventStore store, IUnitDirectory units, TimeProvider clock) : ICommandHandler<RegisterPosition, Written>
{
    public async ValueTask<Written> Handle(RegisterPosition command, CancellationToken ct)
    {
        var unit = await units.Referenced(command.UnitCode, ct);
        var id = Jabatan.IdFor(command.Code);
        var input = new NewPosition(command.Code, command.Name, command.Kind!.Value, command.Level, command.Requirements, command.Vacancies!.Value);
        var events = PositionDecisions.Register(await store.Load<Jabatan>(id, ct), input, unit, clock.GetUtcNow());
        store.Start<Jabatan>(id, events);
        try
        {
            await store.SaveChanges(null, ct);
        }
        catch (DuplicateKey)
        {
            throw new DomainRuleViolation("position-already-registered", $"Position {command.Code.ToUpperInvariant()} is already registered.");
        }

        return new Written(id, events.Count, ((PositionRegistered)events[0]).Code);
    }
}
