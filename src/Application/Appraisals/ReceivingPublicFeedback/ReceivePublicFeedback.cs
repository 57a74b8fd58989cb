using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.ReceivingPublicFeedback;

/// <summary>The answer to a submission; a retry with the same submission id gets exactly this again.</summary>
public sealed record PublicFeedbackReceipt(string SubmissionId, DateTimeOffset ReceivedAt);

/// <summary>
/// Anonymous feedback from the public (students, parents, patients, citizens) through the portal,
/// within the cycle's feedback window. Nothing about the respondent is kept but their group and, when the portal names
/// them with its own <paramref name="RespondentId"/>, a hash of it bound to the appraisal: a later response of the same
/// respondent then replaces the earlier one in the tallies (docs/decisions/071). E-mail addresses, phone numbers, NISN and the
/// <paramref name="PersonalNames"/> the portal marks are masked out of the comment before it is stored (docs/decisions/092).
/// </summary>
public sealed record ReceivePublicFeedback(
    Guid CycleId, string Nip, string SubmissionId, RespondentGroup? RespondentGroup, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment,
    string? RespondentId = null, IReadOnlyList<string>? PersonalNames = null)
    : ICommand<PublicFeedbackReceipt>;

public sealed class ReceivePublicFeedbackValidator : AbstractValidator<ReceivePublicFeedback>
{
    private const string PortalId = "^[A-Za-z0-9._:-]{1,100}$";
    private static readonly Wording PortalIdRule = new("harus 1–100 huruf, angka, titik, titik dua, tanda hubung, atau garis bawah", "must be 1-100 letters, digits, dots, colons, hyphens or underscores");

    public ReceivePublicFeedbackValidator()
    {
        RuleFor(c => c.SubmissionId).NotEmpty().Matches(PortalId).WithMessage(PortalIdRule);
        RuleFor(c => c.RespondentId).Matches(PortalId).WithMessage(PortalIdRule);
        RuleFor(c => c.RespondentGroup).NotNull().IsInEnum();
        RuleFor(c => c.Scores).Custom((scores, ctx) =>
        {
            if (Feedback.ScoresProblem(scores) is { } problem)
            {
                ctx.AddFailure(problem.ForCaller());
            }
        });
        RuleFor(c => c.Comment).MaximumLength(Feedback.MaxCommentLength);
        RuleFor(c => c.PersonalNames).AtMostItems(20).WithMessage(Wordings.AtMost(20, "nama", "names"));
        RuleForEach(c => c.PersonalNames).NotEmpty().MaximumLength(100);
    }
}

public sealed class ReceivePublicFeedbackHandler(AppraisalStreams appraisals, IPublicFeedbackLookup rows, AppraisalSettings settings, TimeProvider clock)
    : ICommandHandler<ReceivePublicFeedback, PublicFeedbackReceipt>
{
    public async ValueTask<PublicFeedbackReceipt> Handle(ReceivePublicFeedback command, CancellationToken ct)
    {
        DateTimeOffset? receivedAt = null;
        var input = new NewPublicFeedback(command.SubmissionId, command.RespondentGroup!.Value, command.Scores, command.Comment, command.RespondentId, command.PersonalNames);
        // The submission's and the respondent's rows come with the address, in its round trip (docs/decisions/168).
        var (cycle, profile, seen) = await rows.FindForWriting(command.CycleId, command.Nip, command.SubmissionId, command.RespondentId, ct);
        // Locked (the appraisal's default): a portal pushes a survey's answers at once, and they must queue rather than fail on each other.
        // Decided on the standing's count and those rows instead of folding the stream with every earlier response (docs/decisions/152, 168).
        await appraisals.Decide<AppraisalStanding>((cycle, profile), command.CycleId, command.Nip, async (standing, cycle, now) =>
        {
            var respondent = command.RespondentId is { } id ? Feedback.Respondent(standing.Id, id) : null;
            var current = seen.FirstOrDefault(s => s.Holds(standing, respondent)) ?? await rows.Locked(standing.Id, command.SubmissionId, command.RespondentId, ct);
            if (!current.Holds(standing, respondent))
            {
                throw new InvalidOperationException($"The public feedback rows of appraisal {standing.Id} do not match its standing under the lock.");
            }

            var ledger = current.Ledger(command.SubmissionId);
            var events = AppraisalDecisions.ReceivePublicFeedback(ledger, cycle, input, settings.MaxPublicFeedbackPerAppraisal, clock.Today(), now);
            receivedAt = events.Count > 0 ? now : ledger.Submissions[command.SubmissionId];
            return events;
        }, ct);
        return new PublicFeedbackReceipt(command.SubmissionId, receivedAt!.Value);
    }
}
