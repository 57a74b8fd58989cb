using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.RecordingUnitResult;

/// <summary>
/// The unit's own result for the cycle (capaian kinerja organisasi), recorded by the leader of the next-higher unit or by hr-admin on
/// their behalf with a reason (X-Reason). It sets the guidance for its employees' spread and is the unit head's rating hasil kerja.
/// </summary>
public sealed record RecordUnitResult(Guid CycleId, string UnitCode, UnitResult? Result) : ICommand<Written>;

public sealed class RecordUnitResultValidator : AbstractValidator<RecordUnitResult>
{
    public RecordUnitResultValidator() => RuleFor(c => c.Result).NotNull().IsInEnum();
}

public sealed class RecordUnitResultHandler(
    UnitEvaluationStreams streams, CycleStreams cycles, IUnitDirectory units, IEmployeeDirectory employees, UnitHeads heads, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<RecordUnitResult, Written>
{
    public async ValueTask<Written> Handle(RecordUnitResult command, CancellationToken ct)
    {
        var unit = await units.Addressed(command.UnitCode, ct);
        var cycle = await cycles.Load(command.CycleId, ct);
        CycleDecisions.EnsureOpen(cycle);
        await EnsureRecorder(unit, cycle.ReferenceDate(clock.Today()), ct);
        var headEvaluated = await heads.HeadEvaluated(unit, cycle, ct);
        return await streams.Decide(command.CycleId, command.UnitCode, (state, open, by, now) =>
            UnitEvaluationDecisions.RecordResult(state, open, command.UnitCode, command.Result!.Value, headEvaluated, by, current.Reason, now), ct);
    }

    /// <summary>The head of the parent unit on the act's date (clamped into the period), or hr-admin saying why they act for them.</summary>
    private async Task EnsureRecorder(Domain.Units.UnitKerja unit, DateOnly on, CancellationToken ct)
    {
        if (current.Actor.Role == Roles.HrAdmin)
        {
            if (string.IsNullOrWhiteSpace(current.Reason))
            {
                throw new DomainRuleViolation("reason-required",
                    "hr-admin records a unit's result on behalf of the leader of the next-higher unit: say on whose behalf and why in the X-Reason header.");
            }

            return;
        }

        var parent = unit.ParentUnitId is { } parentId ? (await units.All(ct)).FirstOrDefault(u => u.Id == parentId) : null;
        var me = current.Actor.Nip is { } nip ? await employees.FindByNip(nip, ct) : null;
        if (parent?.HeadOn(on) is not { HeadId: { } headId } || me?.Id != headId)
        {
            throw new AccessDenied(parent is null
                ? $"{unit.Code} has no next-higher unit: hr-admin records its result on behalf of the PPK, with a reason in X-Reason."
                : $"The result of {unit.Code} is recorded by the head of {parent.Code} on {on:yyyy-MM-dd}, or by hr-admin on their behalf with a reason in X-Reason.");
        }
    }
}
