using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.OpeningAppraisal;

/// <summary>Opens one employee's appraisal (hr-admin, or the employee for themself, e.g. after joining mid-cycle).</summary>
public sealed record OpenAppraisal(Guid CycleId, string Nip) : ICommand<Written>;

public sealed class OpenAppraisalValidator : AbstractValidator<OpenAppraisal>
{
    public OpenAppraisalValidator() => RuleFor(c => c.Nip).NotEmpty();
}

public sealed class OpenAppraisalHandler(
    IEventStore store, IEmployeeDirectory directory, CycleStreams cycles, Raters raters, OverlappingAppraisals overlaps, AppraisalAccess access,
    TimeProvider clock)
    : ICommandHandler<OpenAppraisal, Written>
{
    public async ValueTask<Written> Handle(OpenAppraisal command, CancellationToken ct)
    {
        var cycle = await cycles.Load(command.CycleId, ct);
        var profile = await directory.FindByNip(command.Nip, ct)
            ?? throw new DomainRuleViolation("unknown-employee", $"No employee has NIP {command.Nip}.");
        if (!access.IsHrAdmin)
        {
            await access.EnsureOwner(profile.Id, ct);
        }

        var facts = (await raters.Resolve([profile], cycle, cycle.ReferenceDate(clock.Today()), ct)).Single();
        var id = Appraisal.IdFor(cycle.Id, profile.Id);
        var events = AppraisalDecisions.Open(await store.Load<Appraisal>(id, ct), id, cycle, facts, clock.GetUtcNow());
        if ((await overlaps.Of(cycle, [profile.Id], ct)).TryGetValue(profile.Id, out var overlap))
        {
            throw overlap;
        }

        store.Start<Appraisal>(id, events);
        try
        {
            await store.SaveChanges(null, ct);
        }
        catch (DuplicateKey)
        {
            // Two openings raced past the lookup above; the derived stream id let exactly one start.
            throw new DomainRuleViolation("appraisal-already-open", $"{profile.Nip} already has an appraisal in this cycle.");
        }

        return new Written(id, events.Count, profile.Nip);
    }
}
