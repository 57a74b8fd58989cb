using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain.Positions;
using Mediator;

namespace Kinerja.Application.Positions.ChangingVacancies;

/// <summary>Sets how many seats are vacant: raised when a holder leaves or a formation is added, lowered when a seat is filled.</summary>
public sealed record ChangeVacancies(string Code, int? Vacancies) : ICommand<Written>;

public sealed class ChangeVacanciesValidator : AbstractValidator<ChangeVacancies>
{
    public ChangeVacanciesValidator() => RuleFor(c => c.Vacancies).Vacancies();
}

public sealed class ChangeVacanciesHandler(PositionStreams positions) : ICommandHandler<ChangeVacancies, Written>
{
    public async ValueTask<Written> Handle(ChangeVacancies command, CancellationToken ct) =>
        await positions.Decide(command.Code, (position, now) =>
            PositionDecisions.ChangeVacancies(position, command.Vacancies!.Value, now), ct);
}
