using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.RecordingRealisation;

/// <summary>Realisasi: the value achieved for an agreed indicator, with bukti dukung. <see cref="Written.Key"/> is the new realisation's id.</summary>
public sealed record RecordRealisation(
    Guid CycleId, string Nip, string IndicatorKey, decimal? Value, Evidence Evidence, DateOnly? AchievedOn)
    : ICommand<Written>;

public sealed class RecordRealisationValidator : AbstractValidator<RecordRealisation>
{
    public RecordRealisationValidator()
    {
        RuleFor(c => c.IndicatorKey).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Value).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(c => c.Evidence).Evidence();
        RuleFor(c => c.AchievedOn).NotNull();
    }
}

public static class RealisationRules
{
    public static void Evidence<T>(this IRuleBuilder<T, Evidence> rule) =>
        rule.NotNull().ChildRules(e =>
        {
            e.RuleFor(x => x.Description).NotEmpty().MaximumLength(1000);
            e.RuleFor(x => x).Must(x => x.Link is not null || x.DocumentHash is not null).WithMessage(new Wording("berikan tautan atau hash dokumen", "give a link or a document hash")).OverridePropertyName("link");
            e.RuleFor(x => x.Link).Must(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                .MaximumLength(2000).WithMessage(new Wording("harus URL http(s) yang absolut", "must be an absolute http(s) URL")).When(x => x.Link is not null);
            e.RuleFor(x => x.DocumentHash).Matches("^sha256:[0-9a-f]{64}$").WithMessage(new Wording("harus sha256: diikuti 64 digit heksadesimal huruf kecil", "must be sha256: followed by 64 lower-case hex digits"))
                .When(x => x.DocumentHash is not null);
        });

    public static NewRealisation ToRealisation(Guid id, string indicatorKey, decimal? value, Evidence evidence, DateOnly? achievedOn) =>
        new(id, indicatorKey, value!.Value, evidence with { Description = evidence.Description.Trim() }, achievedOn!.Value);
}

public sealed class RecordRealisationHandler(AppraisalStreams appraisals, AppraisalAccess access, TimeProvider clock)
    : ICommandHandler<RecordRealisation, Written>
{
    public async ValueTask<Written> Handle(RecordRealisation command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var written = await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureOwner(appraisal.EmployeeId, ct);
            var input = RealisationRules.ToRealisation(id, command.IndicatorKey, command.Value, command.Evidence, command.AchievedOn);
            return AppraisalDecisions.RecordRealisation(appraisal, cycle, input, clock.Today(), now);
        }, ct);
        return written with { Key = id.ToString() };
    }
}
