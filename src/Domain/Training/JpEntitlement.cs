using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

public enum JpBasis { PerYear, PerContract }

/// <summary>A minimum is a right the employer must meet; a maximum is a cap an approval may not exceed.</summary>
public enum JpLimit { Minimum, Maximum }

public sealed record JpRule(EmploymentType EmploymentType, JpBasis Basis, JpLimit Limit, int Jp, string Source);

/// <summary>
/// Lesson-hour entitlements as reference data, kept in this one table. The PPPK basis follows the
/// project's domain notes ("24 JP over the contract"); see docs/decisions/020 for the open question.
/// </summary>
public static class JpEntitlement
{
    public static readonly IReadOnlyList<JpRule> Rules =
    [
        new(EmploymentType.PNS, JpBasis.PerYear, JpLimit.Minimum, 20, "PP 11/2017 Pasal 203 ayat (4): paling sedikit 20 JP dalam 1 tahun"),
        new(EmploymentType.PPPK, JpBasis.PerContract, JpLimit.Maximum, 24, "PP 49/2018 Pasal 39: paling lama 24 JP (masa perjanjian kerja)"),
    ];

    public static JpRule For(EmploymentType type) => Rules.Single(r => r.EmploymentType == type);
}
