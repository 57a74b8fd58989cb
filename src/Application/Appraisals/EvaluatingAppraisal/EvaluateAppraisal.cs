using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Evaluations;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Appraisals.EvaluatingAppraisal;

/// <summary>
/// Penilaian by the rater: the two ratings give the predikat by the current reference table. A unit head's results rating is their
/// unit's result; results above expectations with nothing realised need <see cref="UnrealisedJustification"/>.
/// </summary>
public sealed record EvaluateAppraisal(
    Guid CycleId, string Nip, Rating? Results, Rating? Behaviour, IReadOnlyList<RowAssessment>? RowAssessments, string Justification,
    string? UnrealisedJustification = null)
    : ICommand<Written>;

public sealed class EvaluateAppraisalValidator : AbstractValidator<EvaluateAppraisal>
{
    public EvaluateAppraisalValidator()
    {
        RuleFor(c => c.Results).NotNull().IsInEnum();
        RuleFor(c => c.Behaviour).NotNull().IsInEnum();
        RuleFor(c => c.Justification).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.UnrealisedJustification).MaximumLength(4000);
        RuleFor(c => c.RowAssessments).AtMostItems(Plan.MaxRows).WithMessage(Wordings.AtMost(Plan.MaxRows, "baris", "rows"));
        RuleForEach(c => c.RowAssessments).ChildRules(row =>
        {
            row.RuleFor(r => r.RowKey).NotEmpty().MaximumLength(32);
            row.RuleFor(r => r.Assessment).NotEmpty().MaximumLength(2000);
        });
    }
}

public sealed class EvaluateAppraisalHandler(AppraisalStreams appraisals, AppraisalAccess access, UnitHeads heads) : ICommandHandler<EvaluateAppraisal, Written>
{
    public async ValueTask<Written> Handle(EvaluateAppraisal command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            var evaluator = await access.EnsureRater(appraisal, ct);
            var input = new NewEvaluation(command.Results!.Value, command.Behaviour!.Value, command.RowAssessments ?? [], command.Justification, command.UnrealisedJustification);
            return AppraisalDecisions.Evaluate(appraisal, cycle, input, PredikatTables.Current, evaluator, now, await heads.Headed(appraisal, cycle, ct));
        }, ct);
}
