using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Domain.Employees;

namespace Kinerja.Application.Employees;

public sealed record PositionInput(string Title, PositionKind? Kind, PositionLevel? Level)
{
    public Position ToPosition() => new(Title.Trim(), Kind!.Value, Level);
}

public static class EmployeeRules
{
    public const int MaxNameLength = 200;

    public static void Position<T>(this IRuleBuilder<T, PositionInput> rule) =>
        rule.NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x.Title).NotEmpty().MaximumLength(MaxNameLength);
            p.RuleFor(x => x.Kind).NotNull().IsInEnum();
            p.RuleFor(x => x.Level).Custom((level, ctx) =>
            {
                if (ctx.InstanceToValidate.Kind is { } kind && Domain.Employees.Position.LevelProblem(kind, level) is { } problem)
                {
                    ctx.AddFailure(problem.ForCaller());
                }
            });
        });

    /// <summary>Competency codes such as MANAJERIAL.INTEGRITAS, shared by assessments and training grants; stored upper-case.</summary>
    public static IRuleBuilderOptions<T, string> CompetencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$").WithMessage(new Wording("harus 1–32 huruf, angka, titik, atau tanda hubung", "must be 1-32 letters, digits, dots or hyphens"));

    public static void NipOf<T>(this IRuleBuilder<T, string> rule, Func<T, EmploymentType?> type, TimeProvider clock) =>
        rule.Custom((nip, ctx) =>
        {
            // Without a valid type, the rules both kinds share (length, digits, birth date) still apply.
            if (Nip.Problem(nip, type(ctx.InstanceToValidate) ?? EmploymentType.PPPK, clock.Today()) is { } problem)
            {
                ctx.AddFailure(problem.ForCaller());
            }
        });

    /// <summary>The employee a route addresses by NIP; unknown is a 404.</summary>
    public static async Task<EmployeeProfile> Addressed(this IEmployeeDirectory directory, string nip, CancellationToken ct) =>
        await directory.FindByNip(nip, ct) ?? throw NotFound(nip);

    public static NotFound NotFound(string nip) => new("employee-not-found", $"No employee has NIP {nip}.");

    /// <summary>An employee a request body refers to (e.g. a supervisor): unknown breaks a rule of the request (409).</summary>
    public static async Task<Employee> Referenced(this IEventStore store, IEmployeeDirectory directory, string nip, string code, CancellationToken ct)
    {
        var profile = await directory.FindByNip(nip, ct) ?? throw new DomainRuleViolation(code, $"No employee has NIP {nip}.");
        return await store.Load<Employee>(profile.Id, ct) ?? throw new DomainRuleViolation(code, $"No employee has NIP {nip}.");
    }
}
