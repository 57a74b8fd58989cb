using Kinerja.Application.Common;
using Kinerja.Domain;
using FluentValidation;
using Kinerja.Application.Employees;

namespace Kinerja.Application.Training;

public static class TrainingRules
{
    private static readonly Wording DistinctCodes = new("harus berisi paling banyak 20 kode kompetensi yang berbeda", "must list at most 20 distinct competency codes");

    public const int MaxTextLength = 200;
    public const int MaxReasonLength = 1000;

    /// <summary>Far above any single grant or unit budget; guards against typing errors, not policy.</summary>
    public const long MaxRupiah = 1_000_000_000_000;

    /// <summary>Far above any programme (a study assignment included); guards against typing errors, not policy.</summary>
    public const int MaxJp = 10_000;

    /// <summary>Money is whole rupiah; zero and negative amounts are refused.</summary>
    public static IRuleBuilderOptions<T, long?> Rupiah<T>(this IRuleBuilder<T, long?> rule) =>
        rule.NotNull().GreaterThan(0).LessThanOrEqualTo(MaxRupiah);

    public static IRuleBuilderOptions<T, int?> Jp<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().GreaterThan(0).LessThanOrEqualTo(MaxJp);

    public static IRuleBuilderOptions<T, int> BudgetYear<T>(this IRuleBuilder<T, int> rule) => rule.InclusiveBetween(2000, 2100);

    public static IRuleBuilderOptions<T, string> Reason<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(MaxReasonLength);

    public static void CompetencyCodes<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty()
            .AtMostItems(20).WithMessage(DistinctCodes)
            .Must(codes => codes.Select(c => c?.ToUpperInvariant()).Distinct().Count() == codes.Count)
            .WithMessage(DistinctCodes)
            .ForEach(code => code.CompetencyCode());
}
