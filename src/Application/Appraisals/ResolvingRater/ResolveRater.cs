using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.ResolvingRater;

/// <summary>
/// Resolves the rater and approver again from the registry, as of <paramref name="On"/> (default: the
/// cycle's reference date today): after a transfer or a back-dated supervisor change.
/// </summary>
public sealed record ResolveRater(Guid CycleId, string Nip, DateOnly? On) : ICommand<Written>;

public sealed class ResolveRaterHandler(AppraisalStreams appraisals, IEmployeeDirectory directory, Raters raters, TimeProvider clock)
    : ICommandHandler<ResolveRater, Written>
{
    public async ValueTask<Written> Handle(ResolveRater command, CancellationToken ct)
    {
        var profile = await directory.Addressed(command.Nip, ct);
        return await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            var on = command.On ?? cycle.ReferenceDate(clock.Today());
            if (!cycle.Covers(on))
            {
                throw new DomainRuleViolation("date-outside-period", $"{on:yyyy-MM-dd} is outside the cycle's period.");
            }

            var facts = (await raters.Resolve([profile], cycle, on, ct)).Single();
            return AppraisalDecisions.ReassignRater(appraisal, cycle, facts, now);
        }, ct);
    }
}
