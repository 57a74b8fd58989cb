using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.SettingExpectations;

/// <summary>
/// The rater writes the ekspektasi khusus pimpinan (the leader's special expectation per BerAKHLAK value); the ones the
/// employee wrote in the plan are proposals. Setting them again replaces them whole.
/// </summary>
public sealed record SetExpectations(Guid CycleId, string Nip, IReadOnlyDictionary<BerAkhlak, string>? Expectations) : ICommand<Written>;

public static class ExpectationRules
{
    public static void Expectations<T>(this IRuleBuilderInitialCollection<T, KeyValuePair<BerAkhlak, string>> rule) =>
        rule.Must(e => Enum.IsDefined(e.Key) && !string.IsNullOrWhiteSpace(e.Value) && e.Value.Length <= 1000)
            .WithMessage(new Wording("setiap ekspektasi 1–1000 karakter untuk salah satu dari tujuh nilai BerAKHLAK", "each expectation is 1-1000 characters for one of the seven BerAKHLAK values"));

    public static IReadOnlyDictionary<BerAkhlak, string> Trimmed(IReadOnlyDictionary<BerAkhlak, string>? expectations) =>
        (expectations ?? new Dictionary<BerAkhlak, string>()).ToDictionary(e => e.Key, e => e.Value.Trim());
}

public sealed class SetExpectationsValidator : AbstractValidator<SetExpectations>
{
    public SetExpectationsValidator()
    {
        RuleFor(c => c.Expectations).NotNull();
        RuleForEach(c => c.Expectations).Expectations();
    }
}

public sealed class SetExpectationsHandler(AppraisalStreams appraisals, AppraisalAccess access, ICurrentActor current)
    : ICommandHandler<SetExpectations, Written>
{
    public async ValueTask<Written> Handle(SetExpectations command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            var actor = await access.EnsureRater(appraisal, ct);
            return AppraisalDecisions.SetExpectations(appraisal, cycle, ExpectationRules.Trimmed(command.Expectations), actor, current.Actor, now);
        }, ct);
}
