using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Employees.RecordingCompetencyAssessment;

/// <summary>The result of a competency assessment (asesmen kompetensi): levels per competency and the potential it shows.</summary>
public sealed record RecordCompetencyAssessment(
    string Nip,
    IReadOnlyList<CompetencyLevel> Competencies,
    Potential? Potential,
    DateOnly? AssessedOn,
    string AssessedBy) : ICommand<Written>, IEmployeeRegistryWrite;

public sealed class RecordCompetencyAssessmentValidator : AbstractValidator<RecordCompetencyAssessment>
{
    public RecordCompetencyAssessmentValidator()
    {
        RuleFor(c => c.Competencies).NotEmpty()
            .Must(list => list.Select(c => c.Code.ToUpperInvariant()).Distinct().Count() == list.Count)
            .WithMessage(Wordings.EachCodeOnce)
            .When(c => c.Competencies is not null && c.Competencies.All(x => x?.Code is not null));
        RuleForEach(c => c.Competencies).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Code).CompetencyCode();
            c.RuleFor(x => x.Level).InclusiveBetween(CompetencyLevel.Min, CompetencyLevel.Max);
        });
        RuleFor(c => c.Potential).NotNull().IsInEnum();
        RuleFor(c => c.AssessedOn).NotNull();
        RuleFor(c => c.AssessedBy).NotEmpty().MaximumLength(EmployeeRules.MaxNameLength);
    }
}

public sealed class RecordCompetencyAssessmentHandler(EmployeeStreams employees) : ICommandHandler<RecordCompetencyAssessment, Written>
{
    public async ValueTask<Written> Handle(RecordCompetencyAssessment command, CancellationToken ct)
    {
        IReadOnlyList<CompetencyLevel> competencies =
            [.. command.Competencies.Select(c => c with { Code = c.Code.ToUpperInvariant() }).OrderBy(c => c.Code, StringComparer.Ordinal)];
        return await employees.Decide(command.Nip, null, (employee, now) =>
            EmployeeDecisions.RecordCompetencyAssessment(employee, competencies, command.Potential!.Value, command.AssessedOn!.Value, command.AssessedBy, now), ct);
    }
}
