using FluentValidation;
using Kinerja.Application.Appraisals.RecordingRealisation;
using Kinerja.Application.Common;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.CorrectingRealisation;

/// <summary>Records a new realisation that supersedes <paramref name="RealisationId"/>; the corrected one stays readable.</summary>
public sealed record CorrectRealisation(
    Guid CycleId, string Nip, Guid RealisationId, decimal? Value, Evidence Evidence, DateOnly? AchievedOn, string Reason)
    : ICommand<Written>;

public sealed class CorrectRealisationValidator : AbstractValidator<CorrectRealisation>
{
    public CorrectRealisationValidator()
    {
        RuleFor(c => c.Value).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(c => c.Evidence).Evidence();
        RuleFor(c => c.AchievedOn).NotNull();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class CorrectRealisationHandler(AppraisalStreams appraisals, AppraisalAccess access, TimeProvider clock)
    : ICommandHandler<CorrectRealisation, Written>
{
    public async ValueTask<Written> Handle(CorrectRealisation command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var written = await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureOwner(appraisal.EmployeeId, ct);
            var corrected = appraisal.Realisations.GetValueOrDefault(command.RealisationId)
                ?? throw new NotFound("realisation-not-found", $"There is no realisation {command.RealisationId} in this appraisal.");
            var input = RealisationRules.ToRealisation(id, corrected.IndicatorKey, command.Value, command.Evidence, command.AchievedOn);
            return AppraisalDecisions.CorrectRealisation(appraisal, cycle, command.RealisationId, input, command.Reason, clock.Today(), now);
        }, ct);
        return written with { Key = id.ToString() };
    }
}
