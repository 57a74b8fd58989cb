using FluentValidation;
using Kinerja.Application.Appraisals.SettingExpectations;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Mediator;

namespace Kinerja.Application.Appraisals.DraftingPlan;

public sealed record TargetInput(decimal? Value, string Unit);

public sealed record IndicatorInput(string Key, Aspect? Aspect, string Iki, TargetInput Target);

/// <summary><paramref name="Supports"/>: the key of the rater's RHK row (in the same cycle) this result supports.</summary>
public sealed record PlanRowInput(string Key, RowKind? Kind, string Rhk, string? Supports, IReadOnlyList<IndicatorInput> Indicators);

/// <summary>Saves the SKP draft: the current draft is replaced; after agreement, a change starts the next version.</summary>
public sealed record DraftPlan(
    Guid CycleId, string Nip, IReadOnlyList<PlanRowInput> Rows, IReadOnlyDictionary<BerAkhlak, string>? Expectations)
    : ICommand<Written>;

public sealed class DraftPlanValidator : AbstractValidator<DraftPlan>
{
    private const string KeyPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
    private static readonly Wording KeyRule = new("harus 1–32 huruf, angka, titik, tanda hubung, atau garis bawah", "must be 1-32 letters, digits, dots, hyphens or underscores");

    public DraftPlanValidator()
    {
        RuleFor(c => c.Rows).NotEmpty().AtMostItems(Plan.MaxRows).WithMessage(Wordings.AtMost(Plan.MaxRows, "baris", "rows"));
        RuleForEach(c => c.Rows).NotNull().ChildRules(row =>
        {
            row.RuleFor(r => r.Key).NotEmpty().Matches(KeyPattern).WithMessage(KeyRule);
            row.RuleFor(r => r.Kind).NotNull().IsInEnum();
            row.RuleFor(r => r.Rhk).NotEmpty().MaximumLength(1000);
            row.RuleFor(r => r.Supports!).Matches(KeyPattern).When(r => r.Supports is not null)
                .WithMessage(new Wording("harus kunci baris RHK pada SKP penilai Anda di siklus yang sama (misalnya R1), atau dikosongkan", "must be the key of an RHK row of your rater's plan in the same cycle (such as R1), or left out"));
            row.RuleFor(r => r.Indicators).NotEmpty().AtMostItems(Plan.MaxIndicatorsPerRow)
                .WithMessage(Wordings.AtMost(Plan.MaxIndicatorsPerRow, "indikator per baris", "indicators per row"));
            row.RuleForEach(r => r.Indicators).NotNull().ChildRules(indicator =>
            {
                indicator.RuleFor(i => i.Key).NotEmpty().Matches(KeyPattern).WithMessage(KeyRule);
                indicator.RuleFor(i => i.Aspect).NotNull().IsInEnum();
                indicator.RuleFor(i => i.Iki).NotEmpty().MaximumLength(1000);
                indicator.RuleFor(i => i.Target).NotNull();
                indicator.RuleFor(i => i.Target.Value).NotNull().GreaterThanOrEqualTo(0).When(i => i.Target is not null);
                indicator.RuleFor(i => i.Target.Unit).NotEmpty().MaximumLength(50).When(i => i.Target is not null);
            });
        });
        RuleForEach(c => c.Expectations).Expectations();
    }
}

public sealed class DraftPlanHandler(AppraisalStreams appraisals, AppraisalAccess access, IEventStore store) : ICommandHandler<DraftPlan, Written>
{
    public async ValueTask<Written> Handle(DraftPlan command, CancellationToken ct) =>
        await appraisals.Decide(command.CycleId, command.Nip, async (appraisal, cycle, now) =>
        {
            await access.EnsureOwner(appraisal.EmployeeId, ct);
            var raterPlan = command.Rows.Any(r => r.Supports is not null)
                ? await store.Load<Appraisal>(Appraisal.IdFor(cycle.Id, appraisal.RaterId), ct)
                : null;
            var rows = command.Rows.Select(r => new PlanRow(
                r.Key, r.Kind!.Value, r.Rhk.Trim(), r.Supports is { } key ? Supported(raterPlan, key) : null,
                [.. r.Indicators.Select(i => new Indicator(i.Key, i.Aspect!.Value, i.Iki.Trim(), new Target(i.Target.Value!.Value, i.Target.Unit.Trim())))]));
            var expectations = ExpectationRules.Trimmed(command.Expectations);
            return AppraisalDecisions.DraftPlan(appraisal, cycle, new Plan([.. rows], expectations), now);
        }, ct);

    /// <summary>Cascading: the supported RHK must be a row of the rater's own plan in this cycle; a refusal lists the rows that would fit.</summary>
    private static SupportedRhk Supported(Appraisal? raterPlan, string rowKey)
    {
        if (raterPlan?.LatestPlan is { } plan && plan.HasRow(rowKey))
        {
            return new SupportedRhk(raterPlan.Id, rowKey);
        }

        var rows = raterPlan?.LatestPlan?.Rows ?? [];
        var detail = rows.Count == 0
            ? $"A row's supports must be the key of an RHK row of your rater's plan in this cycle, and your rater has no plan yet: leave supports out, or wait until the rater drafts theirs."
            : $"A row's supports must be the key of an RHK row of your rater's plan in this cycle; {rowKey} is not one. Keys that fit: "
                + string.Join("; ", rows.Select(r => $"{r.Key} ({r.Rhk})")) + ".";
        throw new DomainRuleViolation("unknown-supported-rhk", detail, new Dictionary<string, object> { ["supportableKeys"] = rows.Select(r => r.Key).ToArray() });
    }
}
