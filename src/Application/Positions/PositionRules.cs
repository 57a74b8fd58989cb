using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;

namespace Kinerja.Application.Positions;

public static class PositionRules
{
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9.-]{1,63}$";

    /// <summary>Position codes such as DISDIK-KABID-SD: 2-64 letters, digits, dots or hyphens; stored upper-case.</summary>
    public static IRuleBuilderOptions<T, string> PositionCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(CodePattern).WithMessage(new Wording("harus 2–64 huruf, angka, titik, atau tanda hubung, diawali huruf atau angka", "must be 2-64 letters, digits, dots or hyphens, starting with a letter or digit"));

    public static void Requirements<T>(this IRuleBuilder<T, IReadOnlyList<RequiredCompetency>> rule) =>
        rule.NotNull()
            .AtMostItems(Jabatan.MaxRequirements).WithMessage(Wordings.AtMost(Jabatan.MaxRequirements, "kompetensi", "competencies"))
            .Must(list => list.Where(r => r?.Code is not null).GroupBy(r => r.Code.Trim().ToUpperInvariant()).All(g => g.Count() == 1))
            .WithMessage(Wordings.EachCodeOnce)
            .ForEach(r => r.NotNull().ChildRules(c =>
            {
                c.RuleFor(x => x.Code).CompetencyCode();
                c.RuleFor(x => x.MinLevel).InclusiveBetween(CompetencyLevel.Min, CompetencyLevel.Max);
            }));

    public static IRuleBuilderOptions<T, int?> Vacancies<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().InclusiveBetween(0, Jabatan.MaxVacancies);

    /// <summary>The position a route addresses: unknown is a 404.</summary>
    public static async Task<PositionRecord> Addressed(this IPositionDirectory positions, string code, CancellationToken ct) =>
        await positions.Find(code, ct) ?? throw NotFound(code);

    public static NotFound NotFound(string code) => new("position-not-found", $"Position {code.ToUpperInvariant()} is not registered.");
}
