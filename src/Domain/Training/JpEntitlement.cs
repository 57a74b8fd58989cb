using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Training;

/// <summary>A calendar year, or a year of the PPPK work agreement counted from its start.</summary>
public enum JpBasis { PerYear, PerContractYear }

/// <summary>A minimum is a right the employer must meet; a maximum is a cap an approval may not exceed.</summary>
public enum JpLimit { Minimum, Maximum }

public sealed record JpRule(EmploymentType EmploymentType, JpBasis Basis, JpLimit Limit, int Jp, string Source);

/// <summary>
/// Lesson-hour entitlements as reference data (version 2), kept in this one table. Version 1 capped a PPPK at 24 JP over
/// the whole employment; PP 49/2018 sets the 24 JP per year of the work agreement (decision 091).
/// </summary>
public static class JpEntitlement
{
    public static readonly IReadOnlyList<JpRule> Rules =
    [
        new(EmploymentType.PNS, JpBasis.PerYear, JpLimit.Minimum, 20, "PP 11/2017 Pasal 203 ayat (4): paling sedikit 20 JP dalam 1 tahun"),
        new(EmploymentType.PPPK, JpBasis.PerContractYear, JpLimit.Maximum, 24, "PP 49/2018 Pasal 39: paling lama 24 JP dalam 1 tahun masa perjanjian kerja"),
    ];

    /// <summary>The rule for an ASN; a non-ASN official (the PPK) has no competency development entitlement here.</summary>
    public static JpRule For(EmploymentType type) => Rules.SingleOrDefault(r => r.EmploymentType == type)
        ?? throw new DomainRuleViolation("not-asn", $"A {type} official has no ASN competency development entitlement; training is planned for ASN only.");
}
