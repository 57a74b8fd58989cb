using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Appraisals.GivingFeedback;

/// <summary>
/// Umpan balik berkelanjutan from the rater, a peer, a subordinate or the employee. Recorded only in the caller's own name: nobody,
/// hr-admin included, records feedback as someone else (docs/decisions/129). <paramref name="GiverNip"/>, when given, must be the caller's.
/// <see cref="Written.Key"/> is the feedback's id.
/// </summary>
public sealed record GiveFeedback(
    Guid CycleId, string Nip, FeedbackSource? Source, IReadOnlyDictionary<BerAkhlak, int> Scores, string? Comment, string? GiverNip)
    : ICommand<Written>;

public sealed class GiveFeedbackValidator : AbstractValidator<GiveFeedback>
{
    public GiveFeedbackValidator()
    {
        RuleFor(c => c.Source).NotNull().IsInEnum().NotEqual(FeedbackSource.Public).WithMessage(new Wording("umpan balik publik masuk melalui rute public-feedback milik portal", "public feedback arrives through the portal's public-feedback route"));
        RuleFor(c => c.Scores).Custom((scores, ctx) =>
        {
            if (Feedback.ScoresProblem(scores) is { } problem)
            {
                ctx.AddFailure(problem.ForCaller());
            }
        });
        RuleFor(c => c.Comment).MaximumLength(Feedback.MaxCommentLength);
        RuleFor(c => c.GiverNip).Must(n => n is null || (n.Length == Nip.Length && n.All(char.IsAsciiDigit))).WithMessage(new Wording($"harus {Nip.Length} digit", $"must be {Nip.Length} digits"));
    }
}

public sealed class GiveFeedbackHandler(
    AppraisalStreams appraisals, AppraisalAccess access, IEmployeeDirectory directory, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<GiveFeedback, Written>
{
    public async ValueTask<Written> Handle(GiveFeedback command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var written = await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            var giver = await Giver(command, ct);
            if (command.Source == FeedbackSource.Supervisor)
            {
                await access.EnsureRater(appraisal, ct);
            }

            var ratee = await directory.Find(appraisal.EmployeeId, ct);
            var on = cycle.ReferenceDate(clock.Today());
            var giverSuperior = giver.SupervisorOn(on)?.SupervisorId;
            var facts = new FeedbackGiver(giver.Id,
                IsPeer: giverSuperior is not null && giverSuperior == ratee?.SupervisorOn(on)?.SupervisorId,
                IsSubordinate: giverSuperior == appraisal.EmployeeId);
            return AppraisalDecisions.GiveFeedback(appraisal, cycle, id, command.Source!.Value, facts, command.Scores, command.Comment, now);
        }, ct);
        return written with { Key = id.ToString() };
    }

    public const string FeedbackInOwnName = "feedback-in-own-name";

    private async Task<EmployeeProfile> Giver(GiveFeedback command, CancellationToken ct)
    {
        var actor = current.Actor;
        if (command.GiverNip is { } other && other != actor.Nip)
        {
            throw new AccessDenied($"Feedback is recorded only in the giver's own name; {other} gives it with their own account.", FeedbackInOwnName);
        }

        if (actor.Role is not (Roles.Employee or Roles.Supervisor or Roles.HrAdmin) || actor.Nip is null)
        {
            throw new AccessDenied("Feedback is given by ASN in their own name; public feedback arrives through the portal.", FeedbackInOwnName);
        }

        return await directory.Addressed(actor.Nip, ct);
    }
}
